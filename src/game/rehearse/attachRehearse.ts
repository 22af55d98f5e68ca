import type * as Phaser from 'phaser';
import type { GameShell } from '../GameShell.ts';
import type { LearnerRun } from '../run/index.ts';
import { idbRecordings } from './idbRecordings.ts';
import { RecordingStore } from './RecordingStore.ts';
import { RehearsePanel } from './RehearsePanel.ts';
import './rehearse.css';

/**
 * The role-play's hook for Rehearse aloud, in Practice only (Assessment is
 * the learner's own unaided attempt). Places the toggle in the reply panel's
 * foot and the panel just above the replies, follows the run's turns, and
 * removes everything when the scene shuts down. The run, the replies,
 * marking and the LMS are untouched: the panel only adds self-marks to the
 * saved run through `run.rehearse`.
 */
export function attachRehearse(scene: Phaser.Scene, shell: GameShell, run: LearnerRun): void {
  if (run.request.mode !== 'practice') return;
  const replyBox = shell.regions.panel.querySelector('.reply-box');
  const foot = replyBox?.querySelector('.reply-foot');
  if (replyBox === null || replyBox === undefined || foot === null || foot === undefined) return;
  const panel = new RehearsePanel(run, run.model, new RecordingStore(idbRecordings()));
  // Beside Undo, in the foot under the replies: never between the learner and the replies.
  foot.insertBefore(panel.toggle, foot.querySelector('.undo'));
  replyBox.before(panel.root);
  panel.showTurn();
  const unsubscribe = run.subscribe(({ cause }) => {
    // Its own ticks (`rehearse`) and hints leave the turn as it is.
    if (cause === 'choose' || cause === 'undo') panel.showTurn();
  });
  scene.events.once('shutdown', () => {
    unsubscribe();
    panel.dispose();
  });
}

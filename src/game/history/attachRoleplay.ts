import type * as Phaser from 'phaser';
import type { GameShell } from '../GameShell.ts';
import type { LearnerRun } from '../run/index.ts';
import { h } from '../ui/dom.ts';
import { PROGRESS_STRINGS } from './strings.ts';

const S = PROGRESS_STRINGS;

/**
 * The role-play's saved-progress extras (the run itself is saved by
 * `PageProgress`, an observer of every run): the storage's notices (progress
 * not saved, a newer version's data...) and, in Practice, the Hint button,
 * which asks the run for a hint one rung stronger at each press in a turn.
 */
export function attachProgress(scene: Phaser.Scene, shell: GameShell, run: LearnerRun): void {
  let live = true;
  let hintBox: HTMLElement | null = null;
  let unsubscribe: (() => void) | null = null;
  scene.events.once('shutdown', () => {
    live = false;
    unsubscribe?.();
    hintBox?.remove();
  });
  void shell.progress.open().then((storage) => {
    if (live) shell.progress.notices.show(storage);
  });
  if (run.request.mode !== 'practice') return;
  const text = h('p', { class: 'hint-text', role: 'status' });
  const button = h(
    'button',
    { type: 'button', class: 'button ghost hint-button', 'data-testid': 'hint' },
    S.hint.button,
  );
  hintBox = h('div', { class: 'hint-box' }, button, text);
  shell.regions.topbar.append(hintBox);
  button.addEventListener('click', () => {
    if (run.view().ending !== null) return;
    const { hint } = run.hint();
    if (hint === null) {
      text.textContent = S.hint.none;
      return;
    }
    text.textContent = `${S.hint.label(hint.level)}: ${hint.text}`;
    button.textContent = S.hint.stronger;
  });
  unsubscribe = run.subscribe(({ cause }) => {
    if (cause === 'hint' || cause === 'rehearse') return;
    text.textContent = '';
    button.textContent = S.hint.button;
  });
}

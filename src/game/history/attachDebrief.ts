import type * as Phaser from 'phaser';
import { branchFrom, buildAttempt, startRun } from '../../progress/index.ts';
import { openEvidence } from '../evidence/EvidencePage.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import type { DebriefRequest } from '../session/RoleplayRequest.ts';
import type { DebriefProgress } from '../ui/DebriefView.ts';
import { askSelfAssessment } from '../ui/debrief/selfAssessmentDialog.ts';
import { debriefProgressOf } from './debriefProgress.ts';
import { openHistory } from './HistoryScreen.ts';
import { showNotices } from './notices.ts';
import {
  activeRun,
  fingerprintOf,
  newId,
  nowIso,
  progress,
  setActiveRun,
  setPendingRun,
} from './progressService.ts';

/**
 * The debrief's hook into saved progress: stores the finished attempt, asks
 * for a self-assessment first in Assessment mode, then hands the debrief the
 * data it draws its extras from (debriefProgress.ts): the learner's own
 * rating, "try again from here" at each fork, the reflection, the evidence
 * record and History. It builds no markup of the debrief's.
 */
export function attachDebrief(
  scene: Phaser.Scene,
  shell: GameShell,
  data: DebriefRequest,
  debrief: { readonly showProgress: (progress: DebriefProgress) => void },
): void {
  const { view, request } = data;
  const model = shell.library.model(request.modelId);
  if (model === undefined || view.ending === null) return;
  let live = true;
  scene.events.once('shutdown', () => {
    live = false;
  });
  void (async () => {
    const storage = await progress();
    if (!live) return;
    showNotices(storage);
    const { scenario } = view;
    const choices = view.transcript.map((entry) => entry.choice.id);
    const active = activeRun();
    const run =
      active !== null &&
      active.scenarioId === scenario.id &&
      active.model === model.id &&
      active.mode === request.mode &&
      active.choices.join('\n') === choices.join('\n')
        ? active
        : {
            ...startRun(
              newId(),
              scenario,
              fingerprintOf(scenario),
              model.id,
              request.mode,
              nowIso(),
              data.seed,
            ),
            choices,
          };
    setActiveRun(null);
    let attempt =
      storage.store.attempts.find((a) => a.id === run.id) ??
      buildAttempt(scenario, shell.library.catalogue, run, view.run, nowIso());
    const stored = storage.store.attempts.some((a) => a.id === attempt.id);
    // Ask before anything is awaited, so the result never shows first; a reload meanwhile resumes at the ending.
    if (request.mode === 'assessment' && attempt.selfAssessment === null) {
      const self = await askSelfAssessment(model);
      if (!live) return;
      attempt = { ...attempt, selfAssessment: self, updatedAt: nowIso() };
    }
    if (!stored) await storage.finishRun(attempt);
    else await storage.saveAttempt(attempt);
    if (!live) return;
    debrief.showProgress(
      debriefProgressOf(attempt, {
        onTryAgain: (position) => {
          setPendingRun(branchFrom(attempt, position, newId(), nowIso()));
          scene.scene.start(SceneKey.Roleplay, request);
        },
        onSaveReflection: async (reflection) => {
          attempt = { ...attempt, reflection, updatedAt: nowIso() };
          await storage.saveAttempt(attempt);
        },
        onEvidence: () => {
          const latest = storage.store.attempts.find((a) => a.id === attempt.id) ?? attempt;
          openEvidence(latest, shell, storage);
        },
        onHistory: () => openHistory(shell, storage),
      }),
    );
  })();
}

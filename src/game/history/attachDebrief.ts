import type * as Phaser from 'phaser';
import { branchFrom, buildAttempt, scenarioFingerprint, startRun } from '../../progress/index.ts';
import { openEvidence } from '../evidence/EvidencePage.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import type { DebriefRequest } from '../run/DebriefRequest.ts';
import { newId, nowIso } from '../run/index.ts';
import type { DebriefProgress } from '../ui/DebriefView.ts';
import { askSelfAssessment } from '../ui/debrief/selfAssessmentDialog.ts';
import { debriefProgressOf } from './debriefProgress.ts';
import { openHistory } from './HistoryScreen.ts';

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
    const storage = await shell.progress.open();
    if (!live) return;
    shell.progress.notices.show(storage);
    const { scenario } = view;
    const choices = view.transcript.map((entry) => entry.choice.id);
    const own = data.run?.saved ?? null;
    const run =
      own !== null &&
      own.scenarioId === scenario.id &&
      own.model === model.id &&
      own.mode === request.mode &&
      own.choices.join('\n') === choices.join('\n')
        ? own
        : {
            ...startRun(
              newId(),
              scenario,
              scenarioFingerprint(scenario),
              model.id,
              request.mode,
              nowIso(),
              data.seed,
            ),
            choices,
          };
    let attempt =
      storage.store.attempts.find((a) => a.id === run.id) ??
      (run === own ? data.run?.finish() : null) ??
      buildAttempt(scenario, shell.library.catalogue, run, view.run, nowIso());
    // Ask before anything is awaited, so the result never shows first; a reload meanwhile resumes at the ending.
    if (request.mode === 'assessment' && attempt.selfAssessment === null) {
      const self = await askSelfAssessment(model);
      if (!live) return;
      attempt = { ...attempt, selfAssessment: self, updatedAt: nowIso() };
    }
    // Saved progress (an observer of every run) stores it; the LMS reported the ending when it came.
    await shell.runs.finish({ saved: run, view, attempt });
    if (!live) return;
    debrief.showProgress(
      debriefProgressOf(attempt, {
        onTryAgain: (position) => {
          const branch = branchFrom(attempt, position, newId(), nowIso());
          scene.scene.start(SceneKey.Roleplay, { ...request, handover: { kind: 'branch', run: branch } });
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

import type { Run } from '../engine/index.ts';
import type { ActCredit, Catalogue, Choice, Model, Scenario } from '../scenario/index.ts';
import { type Band, type RunScore, scoreRun } from '../scoring/index.ts';

export interface StepEffect {
  readonly id: string;
  readonly name: string;
  /** Marks for the step (out of 2) in the run so far, and if this reply were chosen next. */
  readonly before: number;
  readonly after: number;
  /** True when the reply would make this step out of order (a later step already done first). */
  readonly outOfOrder: boolean;
}

/** What one reply would do if the class chose it now: scored by scoring, never by the view. */
export interface ReplyPreview {
  readonly choice: string;
  /** Positive acts with their credit. */
  readonly acts: readonly ActCredit[];
  /** Fault acts with their penalty in marks. */
  readonly faults: readonly { readonly act: string; readonly penalty: number; readonly critical: boolean }[];
  readonly steps: readonly StepEffect[];
  readonly percentBefore: number;
  readonly percentAfter: number;
  readonly bandAfter: Band;
  readonly mood: number;
  /** The run so far with this reply added, scored: what the marks' "why" lines are worded from. */
  readonly after: RunScore;
}

/** Scores the run so far with and without `choice` added, against `model`. */
export function previewReply(
  scenario: Scenario,
  run: Run,
  choice: Choice,
  model: Model,
  catalogue: Catalogue,
): ReplyPreview {
  const before = scoreRun(scenario, { ...run, ending: null }, model, catalogue);
  const after = scoreRun(
    scenario,
    { choices: [...run.choices, choice], path: [...run.path, choice.to], ending: null },
    model,
    catalogue,
  );
  const acts: ActCredit[] = [];
  const faults: { act: string; penalty: number; critical: boolean }[] = [];
  for (const credit of choice.acts) {
    const act = catalogue.acts.get(credit.act);
    if (act?.fault === true) faults.push({ act: act.id, penalty: act.penalty, critical: act.critical });
    else acts.push(credit);
  }
  return {
    choice: choice.id,
    acts,
    faults,
    steps: after.steps.map((step, i) => {
      const was = before.steps[i];
      return {
        id: step.id,
        name: step.name,
        before: was?.marks ?? 0,
        after: step.marks,
        outOfOrder:
          step.performed > 0 && !step.inOrder && (was === undefined || was.performed === 0 || was.inOrder),
      };
    }),
    percentBefore: before.score.percent,
    percentAfter: after.score.percent,
    bandAfter: after.score.band,
    mood: choice.mood,
    after,
  };
}

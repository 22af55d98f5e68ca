import type { Model } from '../scenario/index.ts';
import { STEP_MAX, stepMarks } from './flatTally.ts';
import type { StepTally } from './stepTally.ts';
import type { StepScore } from './types.ts';

/** Marks per step: performed + 1 when the order rule (`orderRule.ts`) keeps the step in order. */
export function scoreSteps(model: Model, tally: StepTally): StepScore[] {
  return model.steps.map((step, i) => {
    const performed = tally.performed[i] ?? 0;
    const inOrder = tally.inOrder[i] ?? false;
    return {
      id: step.id,
      name: step.name,
      performed,
      first: tally.first[i] ?? null,
      inOrder,
      marks: stepMarks(performed, inOrder),
      max: STEP_MAX,
    };
  });
}

import type { Model } from '../scenario/index.ts';
import type { StepTally } from './stepTally.ts';
import type { StepScore } from './types.ts';

const STEP_MAX = 2;

/**
 * Marks per step: performed + 1 when in order. A step is in order when no
 * later step of the model was first performed by an earlier reply.
 */
export function scoreSteps(model: Model, tally: StepTally): StepScore[] {
  return model.steps.map((step, i) => {
    const performed = tally.performed[i] ?? 0;
    const first = tally.first[i] ?? null;
    const inOrder =
      first !== null && tally.first.slice(i + 1).every((later) => later === null || later >= first);
    return {
      id: step.id,
      name: step.name,
      performed,
      first,
      inOrder,
      marks: performed + (inOrder ? 1 : 0),
      max: STEP_MAX,
    };
  });
}

import type { Model } from '../scenario/index.ts';
import { inOrderAt, NEVER, STEP_MAX, stepMarks } from './flatTally.ts';
import type { StepTally } from './stepTally.ts';
import type { StepScore } from './types.ts';

/**
 * Marks per step: performed + 1 when in order. A step is in order when no
 * later step of the model was first performed by an earlier reply.
 */
export function scoreSteps(model: Model, tally: StepTally): StepScore[] {
  const count = model.steps.length;
  const firsts = Int32Array.from(model.steps, (_, i) => tally.first[i] ?? NEVER);
  return model.steps.map((step, i) => {
    const performed = tally.performed[i] ?? 0;
    const first = tally.first[i] ?? null;
    const inOrder = inOrderAt(firsts, 0, count, i);
    return {
      id: step.id,
      name: step.name,
      performed,
      first,
      inOrder,
      marks: stepMarks(performed, inOrder),
      max: STEP_MAX,
    };
  });
}

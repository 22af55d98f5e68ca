import type { Choice, Model, ModelStep } from '../scenario/index.ts';
import { addCreditAt, NEVER } from './flatTally.ts';
import { orderScratch, placeInOrder } from './orderRule.ts';

/** Per model step: the best credit, every 1-based run position that gave it credit, and the order rule's verdict. */
export interface StepTally {
  readonly performed: readonly number[];
  /** The first position of each step, or null when it was never performed. */
  readonly first: readonly (number | null)[];
  /** Every position of each step, ascending. */
  readonly positions: readonly (readonly number[])[];
  /** Whether each step is in the order rule's set (false for a step never performed). */
  readonly inOrder: readonly boolean[];
}

/** credit(c, s): the highest credit reply c gives to any act of step s (0 if none). */
export function creditFor(choice: Choice, step: ModelStep): number {
  let best = 0;
  for (const { act, credit } of choice.acts) {
    if (credit > best && step.acts.includes(act)) best = credit;
  }
  return best;
}

/** The tally of a whole run of replies against a model, worked out with the flat rules the analysis uses. */
export function tallySteps(model: Model, choices: readonly Choice[]): StepTally {
  const count = model.steps.length;
  const stride = Math.max(1, choices.length);
  const performed = new Float64Array(count);
  const positions = new Int32Array(count * stride);
  const counts = new Int32Array(count);
  for (const [i, choice] of choices.entries()) {
    for (const [s, step] of model.steps.entries()) {
      addCreditAt(performed, positions, counts, stride, s, creditFor(choice, step), i + 1);
    }
  }
  const inOrder = new Uint8Array(count);
  placeInOrder(positions, stride, counts, 0, count, inOrder, orderScratch(count));
  const at = (s: number): number[] => [...positions.subarray(s * stride, s * stride + (counts[s] as number))];
  return {
    performed: [...performed],
    first: model.steps.map((_, s) => ((counts[s] as number) === 0 ? null : (positions[s * stride] ?? NEVER))),
    positions: model.steps.map((_, s) => at(s)),
    inOrder: [...inOrder].map((flag) => flag === 1),
  };
}

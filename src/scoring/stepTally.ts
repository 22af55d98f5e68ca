import type { Choice, Model, ModelStep } from '../scenario/index.ts';
import { addCreditAt, NEVER } from './flatTally.ts';

/** Per model step, the best credit so far and the 1-based position of the reply that first gave any. */
export interface StepTally {
  readonly performed: number[];
  readonly first: (number | null)[];
}

/** credit(c, s): the highest credit reply c gives to any act of step s (0 if none). */
export function creditFor(choice: Choice, step: ModelStep): number {
  let best = 0;
  for (const { act, credit } of choice.acts) {
    if (credit > best && step.acts.includes(act)) best = credit;
  }
  return best;
}

/** A tally with nothing performed yet. */
export function emptyTally(model: Model): StepTally {
  return { performed: model.steps.map(() => 0), first: model.steps.map(() => null) };
}

function toFlat(tally: StepTally): { performed: Float64Array; first: Int32Array } {
  return {
    performed: Float64Array.from(tally.performed),
    first: Int32Array.from(tally.first, (at) => at ?? NEVER),
  };
}

function fromFlat(flat: { performed: Float64Array; first: Int32Array }, tally: StepTally): void {
  for (let i = 0; i < tally.performed.length; i++) {
    tally.performed[i] = flat.performed[i] as number;
    const at = flat.first[i] as number;
    tally.first[i] = at === NEVER ? null : at;
  }
}

/** Folds the reply at 1-based run position `at` into the tally, given its credit per step. */
export function addCredits(tally: StepTally, credits: readonly number[], at: number): void {
  const flat = toFlat(tally);
  for (const [i, credit] of credits.entries()) addCreditAt(flat.performed, flat.first, i, credit, at);
  fromFlat(flat, tally);
}

/** The tally of a whole run of replies against a model. */
export function tallySteps(model: Model, choices: readonly Choice[]): StepTally {
  const tally = emptyTally(model);
  const flat = toFlat(tally);
  for (const [i, choice] of choices.entries()) {
    for (const [s, step] of model.steps.entries()) {
      addCreditAt(flat.performed, flat.first, s, creditFor(choice, step), i + 1);
    }
  }
  fromFlat(flat, tally);
  return tally;
}

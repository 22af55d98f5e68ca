import type { Choice, Model, ModelStep } from '../scenario/index.ts';

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

/** Folds the reply at 1-based run position `at` into the tally, given its credit per step. */
export function addCredits(tally: StepTally, credits: readonly number[], at: number): void {
  for (const [i, credit] of credits.entries()) {
    if (credit <= 0) continue;
    if (credit > (tally.performed[i] ?? 0)) tally.performed[i] = credit;
    if (tally.first[i] === null) tally.first[i] = at;
  }
}

/** The tally of a whole run of replies against a model. */
export function tallySteps(model: Model, choices: readonly Choice[]): StepTally {
  const tally = emptyTally(model);
  for (const [i, choice] of choices.entries()) {
    addCredits(
      tally,
      model.steps.map((step) => creditFor(choice, step)),
      i + 1,
    );
  }
  return tally;
}

import type { Model } from '../scenario/index.ts';
import type { RunScore } from './types.ts';

/**
 * Plain-English feedback per model step, in model order: "You never apologised",
 * "You only partly offered a solution", "You offered a solution before you listened".
 */
export function explainSteps(score: RunScore, model: Model): string[] {
  const lines: string[] = [];
  for (const [i, step] of model.steps.entries()) {
    const result = score.steps[i];
    if (result === undefined) continue;
    if (result.performed === 0 || result.first === null) {
      lines.push(`You never ${step.past}.`);
      continue;
    }
    if (result.performed < 1) lines.push(`You only partly ${step.past}.`);
    if (!result.inOrder) {
      const early = firstLaterStep(score, i, result.first);
      const laterStep = early === null ? undefined : model.steps[early];
      if (laterStep !== undefined) lines.push(`You ${laterStep.past} before you ${step.past}.`);
    } else if (result.performed >= 1) {
      lines.push(`You ${step.past}, at the right point.`);
    }
  }
  return lines;
}

/** The later step (index) that was first performed earliest, before `first`; the earliest in the model on a tie. */
function firstLaterStep(score: RunScore, index: number, first: number): number | null {
  let found: number | null = null;
  let foundAt = first;
  for (let j = index + 1; j < score.steps.length; j++) {
    const at = score.steps[j]?.first ?? null;
    if (at !== null && at < foundAt) {
      found = j;
      foundAt = at;
    }
  }
  return found;
}

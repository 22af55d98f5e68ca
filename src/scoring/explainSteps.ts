import type { Model } from '../scenario/index.ts';
import type { RunScore } from './types.ts';

/**
 * Plain-English feedback per model step, in model order: "You never apologised",
 * "You only partly offered a solution", "You offered a solution before you listened".
 *
 * Under scoring v2 the step out of order is the one said too early, so its
 * sentence names the earlier step of the model it came before: the first such
 * step (in the model's order) that was first performed after it. When no
 * earlier step came after it, it was said too late ("You apologised too late,
 * after you offered a solution"): the later step kept its place in order, so
 * its own line must not be contradicted.
 */
export function explainSteps(score: RunScore, model: Model): string[] {
  return stepNotes(score, model).flatMap((note) => note.lines);
}

/**
 * What `explainSteps` says, step by step, with whether the step went well
 * (done fully and in order) or not, so a coaching debrief can sort the lines
 * into "went well" and "missed" without ever giving one step both.
 */
export interface StepNote {
  readonly step: string;
  /** True when the step was done fully and in order. */
  readonly well: boolean;
  /** Position in the run of the reply that first performed the step; null if never performed. */
  readonly at: number | null;
  readonly lines: readonly string[];
}

export function stepNotes(score: RunScore, model: Model): StepNote[] {
  const notes: StepNote[] = [];
  for (const [i, step] of model.steps.entries()) {
    const result = score.steps[i];
    if (result === undefined) continue;
    const note = (well: boolean, lines: string[]): void => {
      notes.push({ step: step.id, well, at: result.first, lines });
    };
    if (result.performed === 0 || result.first === null) {
      note(false, [`You never ${step.past}.`]);
      continue;
    }
    const lines: string[] = [];
    if (result.performed < 1) lines.push(`You only partly ${step.past}.`);
    if (result.inOrder) {
      if (result.performed >= 1) lines.push(`You ${step.past}, at the right point.`);
      note(result.performed >= 1, lines);
      continue;
    }
    const earlier = earlierStepAfter(score, i, result.first);
    const later = earlier === null ? laterStepBefore(score, i, result.first) : null;
    const earlierStep = earlier === null ? undefined : model.steps[earlier];
    const laterStep = later === null ? undefined : model.steps[later];
    if (earlierStep !== undefined) lines.push(`You ${step.past} before you ${earlierStep.past}.`);
    // The later step was in order (the rule kept it), so its own line says "at the right point":
    // blame this step for coming late, not the later one for coming early.
    else if (laterStep !== undefined) lines.push(`You ${step.past} too late, after you ${laterStep.past}.`);
    else lines.push(`You ${step.past}, but not in the model's order.`);
    note(false, lines);
  }
  return notes;
}

/** The first step before `index` in the model that was first performed after position `first`. */
function earlierStepAfter(score: RunScore, index: number, first: number): number | null {
  for (let j = 0; j < index; j++) {
    const at = score.steps[j]?.first ?? null;
    if (at !== null && at > first) return j;
  }
  return null;
}

/** The step after `index` in the model that was first performed earliest, before `first` (a step said too late). */
function laterStepBefore(score: RunScore, index: number, first: number): number | null {
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

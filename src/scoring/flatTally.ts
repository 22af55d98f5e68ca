import { bandFor } from './bandFor.ts';
import { roundPercent, tidyMarks } from './roundPercent.ts';
import type { Band } from './types.ts';

// Read once at load: some loaders (tsx's CommonJS transform) make every call of an imported
// binding a getter call, which the analysis would pay hundreds of thousands of times.
const band = bandFor;
const rounded = roundPercent;
const tidy = tidyMarks;

/**
 * The step and total rules of the scoring contract on flat, typed tallies,
 * allocation-free, so the analysis can score hundreds of thousands of runs.
 * They are the one source of truth: `addCredits`, `tallySteps`,
 * `scoreSteps` and `totalScore` are written with them.
 *
 * A flat tally keeps the steps of one or more models side by side: step `i`
 * of a model whose row starts at `base` is slot `base + i`. `performed[slot]`
 * is the best credit so far; `first[slot]` is the 1-based run position of the
 * reply that first gave any credit, or `NEVER` (0).
 */

/** `first` of a step never performed (run positions are 1-based). */
export const NEVER = 0;

/** Most marks one step can earn: 1 for performing it, 1 for order. */
export const STEP_MAX = 2;

/** Folds a reply's credit for one step, at 1-based run position `at`, into slot `slot`. */
export function addCreditAt(
  performed: Float64Array,
  first: Int32Array,
  slot: number,
  credit: number,
  at: number,
): void {
  if (credit <= 0) return;
  if (credit > (performed[slot] as number)) performed[slot] = credit;
  if (first[slot] === NEVER) first[slot] = at;
}

/** inOrder(s): step `i` was performed and no later step of the model was first performed earlier. */
export function inOrderAt(first: Int32Array, base: number, count: number, i: number): boolean {
  const at = first[base + i] as number;
  if (at === NEVER) return false;
  for (let j = i + 1; j < count; j++) {
    const later = first[base + j] as number;
    if (later !== NEVER && later < at) return false;
  }
  return true;
}

/** marks(s) = performed(s) + 1 when in order. */
export function stepMarks(performed: number, inOrder: boolean): number {
  return performed + (inOrder ? 1 : 0);
}

/** Σ marks(s) over one model's row, in step order. */
export function earnedMarks(performed: Float64Array, first: Int32Array, base: number, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += stepMarks(performed[base + i] as number, inOrderAt(first, base, count, i));
  }
  return sum;
}

/** True when some step of the row was never performed (performed = 0). */
export function missedAnyStep(performed: Float64Array, base: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (performed[base + i] === 0) return true;
  return false;
}

/** A run's total, as `totalScore` returns it; mutable so a search can reuse one. */
export interface ScoreTotals {
  marks: number;
  max: number;
  percent: number;
  band: Band;
}

/** A fresh buffer for `finishScore`/`scoreRow`. */
export function scoreBuffer(): ScoreTotals {
  return { marks: 0, max: 0, percent: 0, band: 'Not yet achieved' };
}

/** A run's marks: max(0, earned − penalties), tidied of float noise. */
export function marksAfter(earned: number, penalties: number): number {
  return tidy(Math.max(0, earned - penalties));
}

/** marks = max(0, earned − penalties), the rounded percent of max and the capped band, written into `out`. */
export function finishScore(
  earned: number,
  max: number,
  penalties: number,
  missedStep: boolean,
  criticalFault: boolean,
  out: ScoreTotals,
): ScoreTotals {
  const marks = marksAfter(earned, penalties);
  const percent = rounded(marks, max);
  out.marks = marks;
  out.max = max;
  out.percent = percent;
  out.band = band(percent, missedStep, criticalFault);
  return out;
}

/** One model's total from its flat row, written into `out` (no allocation). */
export function scoreRow(
  performed: Float64Array,
  first: Int32Array,
  base: number,
  count: number,
  penalties: number,
  criticalFault: boolean,
  out: ScoreTotals,
): ScoreTotals {
  return finishScore(
    earnedMarks(performed, first, base, count),
    STEP_MAX * count,
    penalties,
    missedAnyStep(performed, base, count),
    criticalFault,
    out,
  );
}

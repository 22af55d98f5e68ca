import { bandFor, MISSED_STEP } from './limits.ts';
import { placeInOrder } from './orderRule.ts';
import { roundPercent, tidyMarks } from './roundPercent.ts';
import type { Band } from './types.ts';

// Read once at load: some loaders (tsx's CommonJS transform) make every call of an imported
// binding a getter call, which the analysis would pay hundreds of thousands of times.
const band = bandFor;
const rounded = roundPercent;
const tidy = tidyMarks;
const place = placeInOrder;

/**
 * The step and total rules of the scoring contract on flat, typed tallies,
 * allocation-free, so the analysis can score hundreds of thousands of runs.
 * They are the one source of truth: `tallySteps`, `scoreSteps`, `totalScore`
 * and the analysis are written with them.
 *
 * A flat tally keeps the steps of one or more models side by side: step `i`
 * of a model whose row starts at `base` is slot `base + i`. `performed[slot]`
 * is the best credit so far; the 1-based run positions of every reply that
 * gave the step credit are positions[slot × stride ..], `counts[slot]` of
 * them, ascending (see `orderRule.ts`).
 */

/** `first` of a step never performed (run positions are 1-based). */
export const NEVER = 0;

/** Most marks one step can earn: 1 for performing it, 1 for order. */
export const STEP_MAX = 2;

/**
 * Folds a reply's credit for one step, at 1-based run position `at`, into slot `slot`.
 * Positions must come in run order (each later than the last) and once per reply and slot.
 */
export function addCreditAt(
  performed: Float64Array,
  positions: Int32Array,
  counts: Int32Array,
  stride: number,
  slot: number,
  credit: number,
  at: number,
): void {
  if (credit <= 0) return;
  if (credit > (performed[slot] as number)) performed[slot] = credit;
  const n = counts[slot] as number;
  positions[slot * stride + n] = at;
  counts[slot] = n + 1;
}

/** first(s): the first position of slot `slot`, or NEVER. */
export function firstAt(positions: Int32Array, counts: Int32Array, stride: number, slot: number): number {
  return (counts[slot] as number) === 0 ? NEVER : (positions[slot * stride] as number);
}

/** marks(s) = performed(s) + 1 when in order. */
export function stepMarks(performed: number, inOrder: boolean): number {
  return performed + (inOrder ? 1 : 0);
}

/**
 * Σ marks(s) over one model's row: the order rule is worked out into `inOrder`
 * (slots base .. base + count − 1), then each step's credit plus its order mark.
 */
export function earnedMarks(
  performed: Float64Array,
  positions: Int32Array,
  counts: Int32Array,
  stride: number,
  base: number,
  count: number,
  inOrder: Uint8Array,
  scratch: Int32Array,
): number {
  place(positions, stride, counts, base, count, inOrder, scratch);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += (performed[base + i] as number) + (inOrder[base + i] as number);
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
  /** The limits that hold, as a mask (see `limits.ts`). */
  limits: number;
}

/** A fresh buffer for `finishScore`. */
export function scoreBuffer(): ScoreTotals {
  return { marks: 0, max: 0, percent: 0, band: 'Not yet achieved', limits: 0 };
}

/** A run's marks: max(0, earned − penalties), tidied of float noise. */
export function marksAfter(earned: number, penalties: number): number {
  return tidy(Math.max(0, earned - penalties));
}

/** marks = max(0, earned − penalties), the rounded percent of max and the band after the limits, written into `out`. */
export function finishScore(
  earned: number,
  max: number,
  penalties: number,
  limits: number,
  out: ScoreTotals,
): ScoreTotals {
  const marks = marksAfter(earned, penalties);
  const percent = rounded(marks, max);
  out.marks = marks;
  out.max = max;
  out.percent = percent;
  out.band = band(percent, limits);
  out.limits = limits;
  return out;
}

/**
 * One model's total from its flat row, written into `out` (no allocation):
 * the order rule, the marks, and the band after the run's limits (`runLimits`,
 * see `runLimitsFor`) and a missed step of this model.
 */
export function scoreRow(
  performed: Float64Array,
  positions: Int32Array,
  counts: Int32Array,
  stride: number,
  base: number,
  count: number,
  penalties: number,
  runLimits: number,
  inOrder: Uint8Array,
  scratch: Int32Array,
  out: ScoreTotals,
): ScoreTotals {
  const earned = earnedMarks(performed, positions, counts, stride, base, count, inOrder, scratch);
  const limits = runLimits | (missedAnyStep(performed, base, count) ? MISSED_STEP : 0);
  return finishScore(earned, STEP_MAX * count, penalties, limits, out);
}

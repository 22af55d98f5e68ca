import { finishScore, scoreBuffer } from './flatTally.ts';
import { limitIds, MISSED_STEP } from './limits.ts';
import type { RunScore, StepScore } from './types.ts';

/**
 * marks = max(0, Σ step marks − Σ penalties) out of 2 per step, the rounded
 * percent, and the band after the limits. `runLimits` is the mask of the limits
 * that hold for the run whatever the model (see `runLimitsFor`); a missed step
 * is added here from the model's steps.
 */
export function totalScore(
  steps: readonly StepScore[],
  penalties: number,
  runLimits: number,
): RunScore['score'] {
  const earned = steps.reduce((sum, step) => sum + step.marks, 0);
  const max = steps.reduce((sum, step) => sum + step.max, 0);
  const limits = runLimits | (steps.some((step) => step.performed === 0) ? MISSED_STEP : 0);
  const { marks, percent, band } = finishScore(earned, max, penalties, limits, scoreBuffer());
  return { marks, max, percent, band, limits: limitIds(limits) };
}

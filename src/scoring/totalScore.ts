import { bandFor } from './bandFor.ts';
import { roundPercent, tidyMarks } from './roundPercent.ts';
import type { RunScore, StepScore } from './types.ts';

/** marks = max(0, Σ step marks − Σ penalties) out of 2 per step, the rounded percent and the capped band. */
export function totalScore(
  steps: readonly StepScore[],
  penalties: number,
  criticalFault: boolean,
): RunScore['score'] {
  const earned = steps.reduce((sum, step) => sum + step.marks, 0);
  const max = steps.reduce((sum, step) => sum + step.max, 0);
  const marks = tidyMarks(Math.max(0, earned - penalties));
  const percent = roundPercent(marks, max);
  const missedStep = steps.some((step) => step.performed === 0);
  return { marks, max, percent, band: bandFor(percent, missedStep, criticalFault) };
}

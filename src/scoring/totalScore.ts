import { finishScore, scoreBuffer } from './flatTally.ts';
import type { RunScore, StepScore } from './types.ts';

/** marks = max(0, Σ step marks − Σ penalties) out of 2 per step, the rounded percent and the capped band. */
export function totalScore(
  steps: readonly StepScore[],
  penalties: number,
  criticalFault: boolean,
): RunScore['score'] {
  const earned = steps.reduce((sum, step) => sum + step.marks, 0);
  const max = steps.reduce((sum, step) => sum + step.max, 0);
  const missedStep = steps.some((step) => step.performed === 0);
  return finishScore(earned, max, penalties, missedStep, criticalFault, scoreBuffer());
}

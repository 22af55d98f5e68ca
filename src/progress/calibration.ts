import { BANDS } from '../scoring/index.ts';
import { resultFor } from './history.ts';
import type { Attempt, Band, Rating, SelfAssessment } from './schema.ts';

export const RATINGS: readonly Rating[] = ['not-done', 'partly', 'fully'];

/** A step's marks as the learner's three-level scale: 0 → not done, full marks → fully, anything between → partly. */
export function ratingForMarks(marks: number, max: number): Rating {
  if (marks <= 0) return 'not-done';
  if (marks >= max) return 'fully';
  return 'partly';
}

export interface StepCalibration {
  readonly id: string;
  readonly name: string;
  readonly self: Rating | null;
  readonly actual: Rating;
  readonly marks: number;
  readonly max: number;
  /** self − actual in levels: positive means you rated yourself higher than the marks. Null if not rated. */
  readonly gap: number | null;
}

export interface Calibration {
  readonly steps: readonly StepCalibration[];
  readonly predictedBand: Band;
  readonly actualBand: Band;
  /** Bands between prediction and result: positive means you predicted higher than you got. */
  readonly bandGap: number;
  /** Steps rated the same as the marks, out of the steps rated. */
  readonly matched: number;
  readonly rated: number;
  /** matched / rated (0–1); null when nothing was rated. */
  readonly accuracy: number | null;
  /** Mean gap over rated steps: above 0 over-confident, below 0 under-confident. */
  readonly bias: number | null;
}

/** Self-rated against computed, step by step, and predicted band against actual, for the attempt's own model. */
export function calibrate(attempt: Attempt, self: SelfAssessment): Calibration {
  const result = resultFor(attempt, attempt.model);
  const steps: StepCalibration[] = (result?.steps ?? []).map((step) => {
    const actual = ratingForMarks(step.marks, step.max);
    const rating = self.steps[step.id] ?? null;
    return {
      id: step.id,
      name: step.name,
      self: rating,
      actual,
      marks: step.marks,
      max: step.max,
      gap: rating === null ? null : RATINGS.indexOf(rating) - RATINGS.indexOf(actual),
    };
  });
  const rated = steps.filter((s) => s.gap !== null);
  const matched = rated.filter((s) => s.gap === 0).length;
  const bias = rated.length === 0 ? null : rated.reduce((sum, s) => sum + (s.gap ?? 0), 0) / rated.length;
  return {
    steps,
    predictedBand: self.predictedBand,
    actualBand: attempt.band,
    bandGap: BANDS.indexOf(attempt.band) - BANDS.indexOf(self.predictedBand),
    matched,
    rated: rated.length,
    accuracy: rated.length === 0 ? null : matched / rated.length,
    bias,
  };
}

export interface CalibrationPoint {
  readonly attemptId: string;
  readonly date: string;
  readonly accuracy: number | null;
  readonly bias: number | null;
  readonly bandGap: number;
}

/** How well self-assessment matched the marks over the attempts that have one, oldest first. */
export function calibrationOverTime(attempts: readonly Attempt[]): CalibrationPoint[] {
  const points: CalibrationPoint[] = [];
  for (const attempt of attempts) {
    if (attempt.selfAssessment === null) continue;
    const c = calibrate(attempt, attempt.selfAssessment);
    points.push({
      attemptId: attempt.id,
      date: attempt.finishedAt,
      accuracy: c.accuracy,
      bias: c.bias,
      bandGap: c.bandGap,
    });
  }
  return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

import type { Band, RunScore } from '../scoring/index.ts';
import type { LmsMode, LmsOutcome } from './types.ts';

/** Bands that pass: Pass or better. */
export const PASSING_BANDS: readonly Band[] = ['Distinction', 'Merit', 'Pass'];

/**
 * What the LMS is told about a run. Only a finished assessment is graded:
 * a practice run (with undo and feedback) is evidence of completion, not of
 * competence, and an unfinished run is neither.
 */
export function lmsOutcome(score: RunScore, mode: LmsMode): LmsOutcome {
  const completed = score.ending !== null;
  if (!completed || mode === 'practice') return { completed, success: 'unknown', percent: null };
  const passed = PASSING_BANDS.includes(score.score.band);
  return { completed, success: passed ? 'passed' : 'failed', percent: score.score.percent };
}

/** SCORM 1.2's single cmi.core.lesson_status for an outcome. */
export function lessonStatus12(outcome: LmsOutcome): 'passed' | 'failed' | 'completed' | 'incomplete' {
  if (outcome.success !== 'unknown') return outcome.success;
  return outcome.completed ? 'completed' : 'incomplete';
}

import type { TranscriptEntry } from '../engine/index.ts';
import type { Catalogue, Model, Scenario } from '../scenario/index.ts';
import type { RunScore } from '../scoring/index.ts';

/** How the learner played: practice (feedback and undo) or assessment (nothing until the debrief). */
export type LmsMode = 'practice' | 'assessment';

/** The two SCORM versions we package for. */
export type ScormVersion = '1.2' | '2004';

/** One data-model element and the value to set, in the order to set them. */
export type CmiValue = readonly [element: string, value: string];

/**
 * A run as the LMS layer reports it: the finished (or unfinished) run's score
 * and transcript, with what the LMS needs besides. All of it comes from the
 * game; nothing here reads a clock or the DOM.
 */
export interface LmsReport {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly mode: LmsMode;
  readonly score: RunScore;
  readonly transcript: readonly TranscriptEntry[];
  /** Seconds since this LMS session began (what the learner spent in this sitting). */
  readonly sessionSeconds: number;
  /** When each reply was chosen, one per transcript entry, if the game recorded it. */
  readonly answeredAt?: readonly Date[];
}

/** Pass/fail and completion, decided once for both SCORM versions and xAPI. */
export interface LmsOutcome {
  /** The run reached an ending. */
  readonly completed: boolean;
  /** 'passed'/'failed' only for a finished assessment; 'unknown' otherwise. */
  readonly success: 'passed' | 'failed' | 'unknown';
  /** Percent 0–100 (one decimal), reported only for a finished assessment. */
  readonly percent: number | null;
}

/** The progress folder's one door: saved runs and attempts, migration, rescoring, history, calibration, hints. Pure. */

export { type ForkReview, type OfferedReply, type ReplyReview, reviewReplies } from './bestReplies.ts';
export { branchFrom, buildAttempt, startRun } from './buildAttempt.ts';
export {
  type Calibration,
  type CalibrationPoint,
  calibrate,
  calibrationOverTime,
  RATINGS,
  ratingForMarks,
  type StepCalibration,
} from './calibration.ts';
export { checkResume, type ResumeCheck, type StaleReason } from './checkResume.ts';
export { EXPORT_APP, exportStore, type ImportResult, importStore } from './exchange.ts';
export { canonicalJson, fnv1a, scenarioFingerprint } from './fingerprint.ts';
export { HINT_LEVELS, type Hint, hintFor, hintLadder } from './hints.ts';
export {
  type History,
  type HistoryPoint,
  historyFor,
  playedPairs,
  resultFor,
  type StepSeries,
} from './history.ts';
export { type MigrationResult, type MigrationStatus, type MigrationWarning, migrate } from './migrate.ts';
export { modelResults } from './modelResults.ts';
export { type Replay, type ReplayedStep, replayChoices } from './replayChoices.ts';
export { replayScore } from './replayScore.ts';
export {
  type KeptReason,
  type Rescore,
  type RescoredAttempts,
  rescoreAttempt,
  rescoreAttempts,
  type ScoredUnder,
  scoredUnder,
  shownDifferently,
} from './rescore.ts';
export { salvageJson } from './salvageJson.ts';
export * from './schema.ts';
export {
  attemptWithReflection,
  attemptWithSelfAssessment,
  runWithChoice,
  runWithRehearsal,
  withAttempt,
  withRun,
} from './storeOps.ts';

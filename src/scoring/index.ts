/** The scoring folder's one door: (run, model) → steps, faults, band and its limits, KPIs, marking points. */

export { belowBest, bestOutcome, outcomeRank } from './bestOutcome.ts';
export { explainFaults } from './explainFaults.ts';
export {
  bandHeadline,
  describeLimit,
  type LimitReason,
  type LimitSentences,
  limitReasons,
  limitSentences,
} from './explainLimits.ts';
export { explainSteps, type StepNote, stepNotes } from './explainSteps.ts';
export { faultsFor, hasCriticalFault } from './faultsFor.ts';
export {
  addCreditAt,
  earnedMarks,
  finishScore,
  firstAt,
  marksAfter,
  missedAnyStep,
  NEVER,
  type ScoreTotals,
  STEP_MAX,
  scoreBuffer,
  scoreRow,
  stepMarks,
} from './flatTally.ts';
export { kpisFor } from './kpisFor.ts';
export {
  ANY_FAULT,
  BANDS,
  bandFor,
  bandRankFor,
  CRITICAL_FAULT,
  LIMITS,
  limitIds,
  limitMask,
  MISSED_ESSENTIAL,
  MISSED_STEP,
  OUTCOME_BELOW_BEST,
  percentRank,
} from './limits.ts';
export { markingFor, matchesChoice } from './markingFor.ts';
export { orderScratch, placeInOrder } from './orderRule.ts';
export { roundPercent, tidyMarks } from './roundPercent.ts';
export { runLimitsFor } from './runLimits.ts';
export { scoreAllModels } from './scoreAllModels.ts';
export { scoreRun } from './scoreRun.ts';
export { scoreSteps } from './scoreSteps.ts';
export { creditFor, type StepTally, tallySteps } from './stepTally.ts';
export { totalScore } from './totalScore.ts';
export type * from './types.ts';

/** The scoring folder's one door: (run, model) → steps, faults, band, KPIs, marking points. */

export { BANDS, bandFor, bandRankFor } from './bandFor.ts';
export { explainFaults } from './explainFaults.ts';
export { explainSteps } from './explainSteps.ts';
export { faultsFor, hasCriticalFault } from './faultsFor.ts';
export {
  addCreditAt,
  earnedMarks,
  finishScore,
  inOrderAt,
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
export { markingFor } from './markingFor.ts';
export { roundPercent, tidyMarks } from './roundPercent.ts';
export { scoreAllModels } from './scoreAllModels.ts';
export { scoreRun } from './scoreRun.ts';
export { scoreSteps } from './scoreSteps.ts';
export { addCredits, creditFor, emptyTally, type StepTally, tallySteps } from './stepTally.ts';
export { totalScore } from './totalScore.ts';
export type * from './types.ts';

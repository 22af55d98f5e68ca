/** The analysis folder's one door: every run of a scenario explored with a bounded reducer, per model. */

export { analyseScenario, betterRank, DEFAULT_LIMITS, isBetter, pickModels } from './analyseScenario.ts';
export { canReachDistinction } from './canReachDistinction.ts';
export { type CompiledScenario, compiledScenario, compileScenario } from './compileScenario.ts';
export { describeBounds } from './describeBounds.ts';
export {
  type FoundRun,
  type QuickScore,
  type SearchLimits,
  type SearchTotals,
  searchRuns,
} from './searchRuns.ts';
export type * from './types.ts';
export { type WalkView, type WalkVisitor, walkRuns } from './walkRuns.ts';

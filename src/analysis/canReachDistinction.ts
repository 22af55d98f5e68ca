import type { Catalogue, Model, Scenario } from '../scenario/index.ts';
import { DEFAULT_LIMITS } from './analyseScenario.ts';
import { searchRuns } from './searchRuns.ts';
import type { AnalysisOptions } from './types.ts';

/**
 * True when some run (within the analysis bounds) scores Distinction against
 * the model. Stops at the first such run. A false answer on a scenario too big
 * to search fully means "none found within the bounds".
 */
export function canReachDistinction(
  scenario: Scenario,
  model: Model,
  catalogue: Catalogue,
  options: Omit<AnalysisOptions, 'models'> = {},
): boolean {
  let found = false;
  searchRuns(
    scenario,
    [model],
    catalogue,
    {
      visitsPerNode: options.visitsPerNode ?? DEFAULT_LIMITS.visitsPerNode,
      maxRuns: options.maxRuns ?? DEFAULT_LIMITS.maxRuns,
      maxSteps: options.maxSteps ?? DEFAULT_LIMITS.maxSteps,
    },
    (run) => {
      found = run.scores[0]?.band === 'Distinction';
      return found;
    },
  );
  return found;
}

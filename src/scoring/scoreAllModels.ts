import type { Run } from '../engine/index.ts';
import type { Catalogue, Scenario } from '../scenario/index.ts';
import { scoreRun } from './scoreRun.ts';
import type { RunScore } from './types.ts';

/** The same run scored against every model of the catalogue, in the catalogue's order. */
export function scoreAllModels(scenario: Scenario, run: Run, catalogue: Catalogue): RunScore[] {
  return [...catalogue.models.values()].map((model) => scoreRun(scenario, run, model, catalogue));
}

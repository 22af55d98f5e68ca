import type { Catalogue, Scenario } from '../../scenario/index.ts';
import { type AuthorReport, authorReport, type Exploration, exploreRuns } from '../../tutor/index.ts';

/** Explorations are pure functions of the scenario object: keep the last few. */
const explored = new WeakMap<Scenario, { exploration: Exploration; report: AuthorReport }>();

/**
 * Each reply's reachable range, the routes and the author report, computed once
 * per scenario. Apart from the map's own file so presenter mode can use it
 * without fetching the map and its graph layout library.
 */
export function tutorFacts(
  scenario: Scenario,
  catalogue: Catalogue,
): { exploration: Exploration; report: AuthorReport } {
  let facts = explored.get(scenario);
  if (facts === undefined) {
    const exploration = exploreRuns(scenario, catalogue);
    facts = { exploration, report: authorReport(scenario, catalogue, {}, { exploration }) };
    explored.set(scenario, facts);
  }
  return facts;
}

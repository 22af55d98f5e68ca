import type { Catalogue, Scenario } from '../../scenario/index.ts';
import { type AuthorReport, authorReport, type Exploration, exploreRuns } from '../../tutor/index.ts';

/** What the tutor tools show of one scenario: each reply's reachable range and the routes, and the author report. */
export interface ScenarioFacts {
  readonly exploration: Exploration;
  readonly report: AuthorReport;
}

/**
 * The page's memo of `tutorFacts`, one per page (`GameShell.tutorFacts`),
 * passed to whoever needs it (the map's options, presenter mode through the
 * shell). Keyed by the scenario object, which never changes, so an entry is
 * never stale; weakly, so a tutor's replaced draft is let go. A plain map,
 * not a class with the work in it, so the shell that makes it in the first
 * load carries none of the tutor code (`exploreRuns` is fetched with the map
 * or presenter mode).
 */
export type TutorFacts = WeakMap<Scenario, ScenarioFacts>;

/**
 * Each reply's reachable range, the routes and the author report, computed once
 * per scenario and page. Apart from the map's own file so presenter mode can
 * use it without fetching the map and its graph layout library.
 */
export function tutorFacts(scenario: Scenario, catalogue: Catalogue, memo: TutorFacts): ScenarioFacts {
  let facts = memo.get(scenario);
  if (facts === undefined) {
    const exploration = exploreRuns(scenario, catalogue);
    facts = { exploration, report: authorReport(scenario, catalogue, {}, { exploration }) };
    memo.set(scenario, facts);
  }
  return facts;
}

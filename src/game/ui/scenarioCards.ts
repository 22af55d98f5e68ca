import type { Scenario } from '../../scenario/index.ts';

/**
 * What the menu's cards show that the scenario file does not say outright:
 * their order, which one a beginner should start with, and how long one takes.
 */

/** About how long a learner spends on one turn: reading the customer's line and the replies, then choosing. */
export const SECONDS_PER_TURN = 40;

/** The walk below is cheap for the library (a few thousand steps at most); this bounds an unusual draft. */
const MAX_WALK_STEPS = 20_000;

/**
 * The median number of replies in a run of the scenario: every route from the
 * start to an ending that visits no turn twice, with `if` conditions ignored
 * (they only hide replies). Zero when no ending can be reached.
 */
export function medianReplies(scenario: Scenario): number {
  const lengths: number[] = [];
  const onRoute = new Set<string>();
  let steps = 0;
  const walk = (id: string, depth: number): void => {
    if (++steps > MAX_WALK_STEPS) return;
    const node = scenario.nodes.get(id);
    if (node === undefined) return;
    if (node.kind === 'end') {
      lengths.push(depth);
      return;
    }
    if (onRoute.has(id)) return;
    onRoute.add(id);
    for (const choice of node.choices) walk(choice.to, depth + 1);
    onRoute.delete(id);
  };
  walk(scenario.start, 0);
  if (lengths.length === 0) return 0;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) / 2)] ?? 0;
}

/** The time estimate on a card: median replies × `SECONDS_PER_TURN`, in whole minutes rounded up (at least 1). */
export function minutesFor(scenario: Scenario): number {
  return Math.max(1, Math.ceil((medianReplies(scenario) * SECONDS_PER_TURN) / 60));
}

/**
 * The beginners' scenario, marked "Start here": of the easiest difficulty, the
 * one with the fewest replies in a typical run, then by title. In the library
 * that is the introductory kettle.
 */
export function startHere(scenarios: readonly Scenario[]): Scenario | undefined {
  let best: { scenario: Scenario; replies: number } | undefined;
  for (const scenario of scenarios) {
    const replies = medianReplies(scenario);
    if (
      best === undefined ||
      scenario.difficulty < best.scenario.difficulty ||
      (scenario.difficulty === best.scenario.difficulty &&
        (replies < best.replies || (replies === best.replies && byTitle(scenario, best.scenario) < 0)))
    )
      best = { scenario, replies };
  }
  return best?.scenario;
}

const byTitle = (a: Scenario, b: Scenario): number =>
  a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' });

/**
 * The cards' order: by difficulty, then title; the "Start here" scenario
 * leads its difficulty (the easiest), so it is the first card a beginner sees.
 */
export function orderForMenu(scenarios: readonly Scenario[], first: Scenario | undefined): Scenario[] {
  return [...scenarios].sort(
    (a, b) => a.difficulty - b.difficulty || Number(b === first) - Number(a === first) || byTitle(a, b),
  );
}

import { OUTCOMES, type Outcome, type Scenario } from '../scenario/index.ts';

const known = new WeakMap<Scenario, Outcome | null>();

/** An outcome's rank: 0 for `resolved`, the best, to 3 for `lost` (the format lists them best first). */
export function outcomeRank(outcome: Outcome): number {
  return OUTCOMES.indexOf(outcome);
}

/**
 * The scenario's best outcome: the highest-ranked outcome among the ending
 * nodes reachable from `start` by following every `to`, `if` conditions
 * ignored (scoring v2). Null only for a scenario with no reachable ending,
 * which validation refuses. Remembered per scenario (scenarios are immutable).
 */
export function bestOutcome(scenario: Scenario): Outcome | null {
  if (known.has(scenario)) return known.get(scenario) ?? null;
  let best: Outcome | null = null;
  const seen = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  for (let i = 0; i < queue.length; i++) {
    const node = scenario.nodes.get(queue[i] as string);
    if (node === undefined) continue;
    if (node.kind === 'end') {
      if (best === null || outcomeRank(node.end) < outcomeRank(best)) best = node.end;
      continue;
    }
    for (const choice of node.choices) {
      if (seen.has(choice.to)) continue;
      seen.add(choice.to);
      queue.push(choice.to);
    }
  }
  known.set(scenario, best);
  return best;
}

/** True when `outcome` ranks below the scenario's best outcome (the `outcome` limit). */
export function belowBest(scenario: Scenario, outcome: Outcome): boolean {
  const best = bestOutcome(scenario);
  return best !== null && outcomeRank(outcome) > outcomeRank(best);
}

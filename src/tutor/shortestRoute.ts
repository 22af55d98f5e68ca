import { nextMood, offeredChoices } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';

/** States explored before giving up; a real scenario needs a few hundred. */
const MAX_STATES = 200_000;

/**
 * The fewest replies from the start that reach `target`, honouring `if`
 * conditions: a breadth-first search over conversation states (node, mood,
 * and the acts that some condition asks about). Returns reply ids, `[]` for
 * the start, or null when no run gets there (within the state bound).
 */
export function shortestRoute(scenario: Scenario, target: string): readonly string[] | null {
  if (target === scenario.start) return [];
  // Only acts some `if` mentions can change what is offered: the rest need not be in the state.
  const watched = new Set<string>();
  for (const choice of scenario.choices.values())
    for (const act of [...(choice.if?.performed ?? []), ...(choice.if?.notPerformed ?? [])]) watched.add(act);
  interface State {
    readonly node: string;
    readonly mood: number;
    readonly acts: ReadonlySet<string>;
    readonly route: readonly string[];
  }
  const keyOf = (s: Omit<State, 'route'>) => `${s.mood}|${[...s.acts].sort().join(',')}|${s.node}`;
  const first: State = { node: scenario.start, mood: scenario.customer.mood, acts: new Set(), route: [] };
  const seen = new Set([keyOf(first)]);
  let queue: State[] = [first];
  while (queue.length > 0 && seen.size < MAX_STATES) {
    const next: State[] = [];
    for (const state of queue) {
      if (scenario.nodes.get(state.node)?.kind !== 'choices') continue;
      for (const choice of offeredChoices(scenario, state.node, {
        mood: state.mood,
        performed: state.acts,
      })) {
        const route = [...state.route, choice.id];
        if (choice.to === target) return route;
        const acts = new Set(state.acts);
        for (const { act } of choice.acts) if (watched.has(act)) acts.add(act);
        const after: State = { node: choice.to, mood: nextMood(state.mood, choice.mood), acts, route };
        const key = keyOf(after);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(after);
      }
    }
    queue = next;
  }
  return null;
}

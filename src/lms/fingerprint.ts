import type { Scenario } from '../scenario/index.ts';

/**
 * A short hash of what a saved run depends on: the graph, the replies' acts,
 * moods and conditions, and the starting mood. Rewording a line keeps it;
 * moving a reply or changing where it leads changes it, so a run saved
 * against an older version of the scenario is not resumed into a different one.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const shape = [...scenario.nodes.values()].map((node) =>
    node.kind === 'end'
      ? [node.id, node.end]
      : [
          node.id,
          node.choices.map((c) => [c.id, c.to, c.acts.map((a) => [a.act, a.credit]), c.mood, c.if ?? null]),
        ],
  );
  return fnv1a(JSON.stringify([scenario.id, scenario.start, scenario.customer.mood, shape])).toString(36);
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, stable, good enough to tell versions apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

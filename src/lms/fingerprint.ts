import type { Scenario } from '../scenario/index.ts';

/**
 * A short hash of what a saved LMS run depends on (not progress's
 * `scenarioFingerprint`, which changes with any edit, rewording included): the graph, the replies' acts,
 * moods and conditions, and the starting mood. Rewording a line keeps it;
 * moving a reply or changing where it leads changes it, so a run saved
 * against an older version of the scenario is not resumed into a different one.
 */
export function runShapeFingerprint(scenario: Scenario): string {
  const shape = [...scenario.nodes.values()].map((node) =>
    node.kind === 'end'
      ? [node.id, node.end]
      : [
          node.id,
          node.choices.map((c) => [c.id, c.to, c.acts.map((a) => [a.act, a.credit]), c.mood, c.if ?? null]),
        ],
  );
  return hash32(JSON.stringify([scenario.id, scenario.start, scenario.customer.mood, shape])).toString(36);
}

/**
 * 32-bit FNV-1a over UTF-16 code units, as a number: tiny, stable, good enough
 * to tell versions apart (progress's `fnv1a` gives the same hash as hex text).
 */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

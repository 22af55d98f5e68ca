import type { ChoiceNode, ScenarioNode } from './types.ts';

export interface GraphProblems {
  /** Nodes no path from the start reaches (ignoring `if` conditions). */
  readonly unreachable: readonly string[];
  /** Nodes from which no ending can be reached: the customer would be stuck forever. */
  readonly stuck: readonly string[];
}

/**
 * Reachability over every reply, ignoring `if` conditions: a node is fine if
 * some reply leads towards an ending. Works on ids, so it runs before the
 * scenario is complete (unknown `to` targets are simply skipped).
 */
export function checkGraph(nodes: ReadonlyMap<string, ScenarioNode>, start: string): GraphProblems {
  const reached = new Set<string>();
  const queue = nodes.has(start) ? [start] : [];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    const node = nodes.get(id);
    if (node?.kind === 'choices')
      for (const choice of node.choices) if (nodes.has(choice.to)) queue.push(choice.to);
  }

  // Walk backwards from the endings: whatever can step into a finishing node finishes too.
  const incoming = new Map<string, string[]>();
  for (const node of nodes.values()) {
    if (node.kind !== 'choices') continue;
    for (const choice of node.choices) {
      const list = incoming.get(choice.to) ?? [];
      list.push(node.id);
      incoming.set(choice.to, list);
    }
  }
  const finishes = new Set<string>();
  const back = [...nodes.values()].filter((n) => n.kind === 'end').map((n) => n.id);
  while (back.length > 0) {
    const id = back.pop() as string;
    if (finishes.has(id)) continue;
    finishes.add(id);
    for (const from of incoming.get(id) ?? []) back.push(from);
  }

  return {
    unreachable: [...nodes.keys()].filter((id) => !reached.has(id)),
    stuck: [...nodes.keys()].filter((id) => !finishes.has(id)),
  };
}

/** Why a stuck node is stuck, in a tutor's words. */
export function explainStuck(node: ChoiceNode, nodes: ReadonlyMap<string, ScenarioNode>): string {
  const targets = [...new Set(node.choices.map((c) => c.to).filter((to) => nodes.has(to)))];
  if (targets.length === 1 && targets[0] === node.id) {
    return `node '${node.id}' can never reach an ending: every reply leads back into '${node.id}'. Give at least one reply a 'to' that leads towards an ending.`;
  }
  const list = targets.map((t) => `'${t}'`).join(', ');
  return `node '${node.id}' can never reach an ending: its replies lead only to ${list}, and none of those reach an ending either. Give one of them a reply that leads towards an ending.`;
}

import type { Choice, Scenario } from '../scenario/index.ts';
import { type ConversationState, conditionHolds } from './conditionHolds.ts';

/**
 * The replies offered at `nodeId` in `state`, in file order, after `if` conditions.
 * Empty at an ending, at an unknown node, or when every condition fails (the engine calls that stuck).
 * The machine's guards, the session and the analysis all use these rules, so they cannot disagree.
 * When every reply is offered (the usual case) this is the node's own array: nothing is allocated.
 */
export function offeredChoices(
  scenario: Scenario,
  nodeId: string,
  state: ConversationState,
): readonly Choice[] {
  const node = scenario.nodes.get(nodeId);
  if (node === undefined || node.kind !== 'choices') return [];
  const { choices } = node;
  for (const choice of choices) {
    if (!conditionHolds(choice.if, state)) return choices.filter((c) => conditionHolds(c.if, state));
  }
  return choices;
}

/** True when `choice` belongs to `nodeId` and its `if` holds in `state`: the machine's `isOffered` rule. */
export function isOffered(choice: Choice, nodeId: string, state: ConversationState): boolean {
  return choice.node === nodeId && conditionHolds(choice.if, state);
}

/**
 * The 1-based position of an offered `choice` among the replies offered at its node in `state`
 * (what `--choices` counts), without building the offered list.
 */
export function offeredPosition(scenario: Scenario, choice: Choice, state: ConversationState): number {
  const node = scenario.nodes.get(choice.node);
  if (node === undefined || node.kind !== 'choices') return 0;
  let position = 0;
  for (const other of node.choices) {
    if (conditionHolds(other.if, state)) position++;
    if (other === choice) return position;
  }
  return 0;
}

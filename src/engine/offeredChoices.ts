import type { Choice, Scenario } from '../scenario/index.ts';
import { type ConversationState, conditionHolds } from './conditionHolds.ts';

/**
 * The replies offered at `nodeId` in `state`, in file order, after `if` conditions.
 * Empty at an ending, at an unknown node, or when every condition fails (the engine calls that stuck).
 * The machine's guards and the analysis both use this, so they cannot disagree.
 */
export function offeredChoices(scenario: Scenario, nodeId: string, state: ConversationState): Choice[] {
  const node = scenario.nodes.get(nodeId);
  if (node === undefined || node.kind !== 'choices') return [];
  return node.choices.filter((choice) => conditionHolds(choice.if, state));
}

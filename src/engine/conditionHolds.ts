import type { ChoiceCondition } from '../scenario/index.ts';

/** What an `if:` condition can see of a conversation: the mood now and the acts performed so far. */
export interface ConversationState {
  readonly mood: number;
  /** Acts performed earlier in this run (any credit counts, faults included). */
  readonly performed: { has(act: string): boolean };
}

/** `performed: [acts]`: one of these acts was chosen earlier in this run. */
export function performedAny(state: ConversationState, acts: readonly string[]): boolean {
  return acts.some((act) => state.performed.has(act));
}

/** `notPerformed: [acts]`: none of these acts was chosen earlier in this run. */
export function performedNone(state: ConversationState, acts: readonly string[]): boolean {
  return !performedAny(state, acts);
}

/** `moodAtLeast: n`. */
export function moodAtLeast(state: ConversationState, mood: number): boolean {
  return state.mood >= mood;
}

/** `moodBelow: n`. */
export function moodBelow(state: ConversationState, mood: number): boolean {
  return state.mood < mood;
}

/** True when every condition present in `condition` holds; a choice without `if` is always offered. */
export function conditionHolds(condition: ChoiceCondition | undefined, state: ConversationState): boolean {
  if (condition === undefined) return true;
  if (condition.performed !== undefined && !performedAny(state, condition.performed)) return false;
  if (condition.notPerformed !== undefined && !performedNone(state, condition.notPerformed)) return false;
  if (condition.moodAtLeast !== undefined && !moodAtLeast(state, condition.moodAtLeast)) return false;
  if (condition.moodBelow !== undefined && !moodBelow(state, condition.moodBelow)) return false;
  return true;
}

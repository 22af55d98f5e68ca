/** The engine's one door: Scenario → XState machine → ConversationSession. */

export { ChoiceNotOfferedError } from './ChoiceNotOfferedError.ts';
export { type ConversationState, conditionHolds } from './conditionHolds.ts';
export {
  type ConversationContext,
  type ConversationMachine,
  createConversationMachine,
  type LearnerChose,
} from './createConversationMachine.ts';
export { compileConversation, createSession } from './createSession.ts';
export { describeOffered } from './describeOffered.ts';
export { nextMood } from './nextMood.ts';
export { isOffered, offeredChoices, offeredPosition } from './offeredChoices.ts';
export { type PlayError, type PlayResult, playPositions } from './playPositions.ts';
export { hashText, mulberry32, type ReplyTurn, replyOrder, seedFromText } from './replyOrder.ts';
export { type StateKeys, stateKeys } from './stateKeys.ts';
export type * from './types.ts';

/** The engine's one door: Scenario → XState machine → ConversationSession. */
export type * from './types.ts';

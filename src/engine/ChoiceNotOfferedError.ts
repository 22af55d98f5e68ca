import type { Choice } from '../scenario/index.ts';
import { describeOffered } from './describeOffered.ts';

/** Thrown by `ConversationSession.choose` for a reply that is not offered at the current node. */
export class ChoiceNotOfferedError extends Error {
  override readonly name = 'ChoiceNotOfferedError';

  constructor(
    readonly choiceId: string,
    readonly node: string,
    readonly offered: readonly Choice[],
    ended = false,
  ) {
    super(
      ended
        ? `reply '${choiceId}' is not offered: the conversation is over (node '${node}' is an ending).`
        : `reply '${choiceId}' is not offered at node '${node}': ${describeOffered(offered)}.`,
    );
  }
}

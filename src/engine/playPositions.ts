import type { Choice, Scenario } from '../scenario/index.ts';
import { createSession } from './createSession.ts';
import { describeOffered } from './describeOffered.ts';
import type { ConversationView, Run } from './types.ts';

/** Why a list of positions is not a complete run. Each names the node and the replies offered there. */
export type PlayError =
  | {
      readonly kind: 'not-offered';
      /** 1-based index of the offending entry in the positions list. */
      readonly step: number;
      readonly position: number;
      readonly node: string;
      readonly offered: readonly Choice[];
      readonly message: string;
    }
  | {
      readonly kind: 'past-ending';
      readonly step: number;
      readonly node: string;
      readonly offered: readonly Choice[];
      readonly message: string;
    }
  | {
      readonly kind: 'stopped-early';
      readonly step: number;
      readonly node: string;
      readonly offered: readonly Choice[];
      readonly message: string;
    };

export type PlayResult =
  | { readonly ok: true; readonly run: Run; readonly view: ConversationView }
  | { readonly ok: false; readonly error: PlayError };

/**
 * Plays 1-based offered positions (what `sim play --choices` takes) through the
 * real machine. Succeeds only when the positions lead exactly to an ending.
 */
export function playPositions(scenario: Scenario, positions: readonly number[]): PlayResult {
  const session = createSession(scenario);
  try {
    for (const [i, position] of positions.entries()) {
      const view = session.view();
      const node = view.node.id;
      if (view.ending !== null) {
        const extra = positions.length - i;
        return fail({
          kind: 'past-ending',
          step: i + 1,
          node,
          offered: [],
          message: `the conversation ended at node '${node}' (${view.ending.outcome}) after ${i} ${i === 1 ? 'choice' : 'choices'}, but ${extra} more ${extra === 1 ? 'was' : 'were'} given.`,
        });
      }
      const choice = Number.isInteger(position) ? view.offered[position - 1] : undefined;
      if (choice === undefined) {
        return fail({
          kind: 'not-offered',
          step: i + 1,
          position,
          node,
          offered: view.offered,
          message: `choice ${i + 1} is ${position}, but node '${node}' has no reply at that position: ${describeOffered(view.offered)}.`,
        });
      }
      session.choose(choice.id);
    }
    const view = session.view();
    if (view.ending === null) {
      const node = view.node.id;
      return fail({
        kind: 'stopped-early',
        step: positions.length + 1,
        node,
        offered: view.offered,
        message: `the choices stop at node '${node}' before the conversation reaches an ending: ${describeOffered(view.offered)}.`,
      });
    }
    return { ok: true, run: view.run, view };
  } finally {
    session.dispose();
  }
}

function fail(error: PlayError): PlayResult {
  return { ok: false, error };
}

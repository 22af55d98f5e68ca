import { assign, setup } from 'xstate';
import type { ActCredit, Choice, Scenario } from '../scenario/index.ts';
import { nextMood } from './nextMood.ts';
import { isOffered, offeredPosition } from './offeredChoices.ts';
import type { Ending, TranscriptEntry } from './types.ts';

/** The machine's context: where one conversation is and what has happened so far. */
export interface ConversationContext {
  /** The node the customer is at now. */
  readonly node: string;
  readonly transcript: readonly TranscriptEntry[];
  /** Nodes visited, the start included. */
  readonly path: readonly string[];
  readonly mood: number;
  readonly performed: ReadonlySet<string>;
}

/** The one event: the learner picked the reply with this id. */
export interface LearnerChose {
  readonly type: 'learner.chose';
  readonly choiceId: string;
}

/**
 * Compiles a checked scenario into an XState v5 machine with two states:
 * `talking`, where each offered reply is a `learner.chose` transition, and the
 * final `ended`, whose output is the ending reached. The scenario's graph is
 * the data the named guards and the one action read; no closure comes from
 * the file.
 *
 * Why not one state per node: XState computes exit and entry sets, the
 * transition domain and a new configuration on every state change. With a
 * state per node that was about 70% of a step and left the engine at 2–4×
 * inkjs; keeping the node in context makes a reply a transition within
 * `talking`, and building the machine no longer costs 40 µs a node
 * (docs/engine.md, docs/benchmarks.md).
 */
export function createConversationMachine(scenario: Scenario) {
  const choiceOf = ({ choiceId }: LearnerChose): Choice | undefined => scenario.choices.get(choiceId);

  const initialContext: ConversationContext = {
    node: scenario.start,
    transcript: [],
    path: [scenario.start],
    mood: scenario.customer.mood,
    performed: new Set(),
  };

  return setup({
    types: {
      context: {} as ConversationContext,
      events: {} as LearnerChose,
      output: {} as Ending,
    },
    guards: {
      // The rules `offeredChoices` uses, so what the machine accepts is what the game and the analysis offer.
      isOffered: ({ context, event }) => {
        const choice = choiceOf(event);
        return choice !== undefined && isOffered(choice, context.node, context);
      },
      atEnding: ({ context }) => scenario.nodes.get(context.node)?.kind === 'end',
    },
    actions: {
      recordChoice: assign(({ context, event }) => {
        const choice = choiceOf(event);
        if (choice === undefined)
          throw new Error(`no reply '${event.choiceId}' in scenario '${scenario.id}'`);
        const moodAfter = nextMood(context.mood, choice.mood);
        const entry: TranscriptEntry = {
          node: choice.node,
          choice,
          // Counted among the replies offered *before* this reply changes the mood.
          offeredPosition: offeredPosition(scenario, choice, context),
          moodBefore: context.mood,
          moodAfter,
        };
        return {
          node: choice.to,
          transcript: [...context.transcript, entry],
          path: [...context.path, choice.to],
          mood: moodAfter,
          performed: withActs(context.performed, choice),
        };
      }),
    },
  }).createMachine({
    id: 'conversation',
    context: initialContext,
    initial: 'talking',
    states: {
      talking: {
        always: { guard: 'atEnding', target: 'ended' },
        on: { 'learner.chose': { guard: 'isOffered', actions: 'recordChoice' } },
      },
      ended: { type: 'final' },
    },
    output: ({ context }): Ending => endingAt(scenario, context.node),
  });
}

/** The acts performed after `choice`: the same set when it adds none (most replies repeat acts already done). */
function withActs(performed: ReadonlySet<string>, choice: Choice): ReadonlySet<string> {
  const { acts } = choice;
  let i = 0;
  while (i < acts.length && performed.has((acts[i] as ActCredit).act)) i++;
  if (i === acts.length) return performed;
  const next = new Set(performed);
  for (; i < acts.length; i++) next.add((acts[i] as ActCredit).act);
  return next;
}

/** The ending at `nodeId`; the machine reaches `ended` only through a reply whose target is an ending. */
function endingAt(scenario: Scenario, nodeId: string): Ending {
  const node = scenario.nodes.get(nodeId);
  if (node?.kind !== 'end') throw new Error(`the conversation ended at '${nodeId}', which is not an ending`);
  return { node: nodeId, outcome: node.end };
}

/** The machine type `createConversationMachine` returns. */
export type ConversationMachine = ReturnType<typeof createConversationMachine>;

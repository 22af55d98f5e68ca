import { and, assign, setup } from 'xstate';
import type { Choice, Scenario } from '../scenario/index.ts';
import { moodAtLeast, moodBelow, performedAny, performedNone } from './conditionHolds.ts';
import { nextMood } from './nextMood.ts';
import { offeredChoices } from './offeredChoices.ts';
import { stateKeys } from './stateKeys.ts';
import type { Ending, TranscriptEntry } from './types.ts';

/** The machine's context: what has happened so far in one conversation. */
export interface ConversationContext {
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

type RecordChoice = { type: 'recordChoice'; params: { choiceId: string } };

type GuardRef =
  | { type: 'chose'; params: { choiceId: string } }
  | { type: 'performed'; params: { acts: readonly string[] } }
  | { type: 'notPerformed'; params: { acts: readonly string[] } }
  | { type: 'moodAtLeast'; params: { mood: number } }
  | { type: 'moodBelow'; params: { mood: number } };

type CombinedGuard = ReturnType<typeof and<ConversationContext, LearnerChose, GuardRef[]>>;

type NodeState =
  | { type: 'final'; meta: Ending; output: Ending }
  | {
      on: {
        'learner.chose': {
          guard: GuardRef | CombinedGuard;
          target: string;
          actions: RecordChoice[];
        }[];
      };
    };

/** The guards a reply's transition needs: the event names it, and each of its `if` conditions holds. */
function guardsFor(choice: Choice): GuardRef[] {
  const guards: GuardRef[] = [{ type: 'chose', params: { choiceId: choice.id } }];
  const condition = choice.if;
  if (condition?.performed !== undefined)
    guards.push({ type: 'performed', params: { acts: condition.performed } });
  if (condition?.notPerformed !== undefined) {
    guards.push({ type: 'notPerformed', params: { acts: condition.notPerformed } });
  }
  if (condition?.moodAtLeast !== undefined) {
    guards.push({ type: 'moodAtLeast', params: { mood: condition.moodAtLeast } });
  }
  if (condition?.moodBelow !== undefined)
    guards.push({ type: 'moodBelow', params: { mood: condition.moodBelow } });
  return guards;
}

/**
 * Compiles a checked scenario into an XState v5 machine: one state per node
 * under a generated key, one `learner.chose` transition per reply, ending
 * nodes as final states whose `meta` and `output` carry the ending.
 */
export function createConversationMachine(scenario: Scenario) {
  const keys = stateKeys(scenario);
  const keyOf = (nodeId: string): string => {
    const key = keys.keyOf.get(nodeId);
    if (key === undefined)
      throw new Error(`scenario '${scenario.id}' names a node '${nodeId}' it does not have`);
    return key;
  };

  // Plain data: generated keys, named guards and actions with params; no closure comes from the file.
  const states: Record<string, NodeState> = Object.create(null);
  for (const [nodeId, node] of scenario.nodes) {
    if (node.kind === 'end') {
      const ending: Ending = { node: nodeId, outcome: node.end };
      states[keyOf(nodeId)] = { type: 'final', meta: ending, output: ending };
      continue;
    }
    states[keyOf(nodeId)] = {
      on: {
        'learner.chose': node.choices.map((choice) => {
          const guards = guardsFor(choice);
          const [only] = guards;
          return {
            guard:
              guards.length === 1 && only !== undefined
                ? only
                : and<ConversationContext, LearnerChose, GuardRef[]>(guards),
            target: keyOf(choice.to),
            actions: [{ type: 'recordChoice', params: { choiceId: choice.id } }],
          };
        }),
      },
    };
  }

  const initialContext: ConversationContext = {
    transcript: [],
    path: [scenario.start],
    mood: scenario.customer.mood,
    performed: new Set(),
  };

  return setup({
    types: { context: {} as ConversationContext, events: {} as LearnerChose },
    guards: {
      chose: ({ event }, params: { choiceId: string }) => event.choiceId === params.choiceId,
      // The same predicates `offeredChoices` uses, so the machine and the analysis cannot disagree.
      performed: ({ context }, params: { acts: readonly string[] }) => performedAny(context, params.acts),
      notPerformed: ({ context }, params: { acts: readonly string[] }) => performedNone(context, params.acts),
      moodAtLeast: ({ context }, params: { mood: number }) => moodAtLeast(context, params.mood),
      moodBelow: ({ context }, params: { mood: number }) => moodBelow(context, params.mood),
    },
    actions: {
      recordChoice: assign(({ context }, params: { choiceId: string }) => {
        const choice = scenario.choices.get(params.choiceId);
        if (choice === undefined)
          throw new Error(`no reply '${params.choiceId}' in scenario '${scenario.id}'`);
        // Positions are counted among the replies offered *before* this reply changes the mood.
        const offered = offeredChoices(scenario, choice.node, context);
        const moodAfter = nextMood(context.mood, choice.mood);
        const entry: TranscriptEntry = {
          node: choice.node,
          choice,
          offeredPosition: offered.indexOf(choice) + 1,
          moodBefore: context.mood,
          moodAfter,
        };
        const performed = new Set(context.performed);
        for (const { act } of choice.acts) performed.add(act);
        return {
          transcript: [...context.transcript, entry],
          path: [...context.path, choice.to],
          mood: moodAfter,
          performed,
        };
      }),
    },
  }).createMachine({
    id: 'conversation',
    context: initialContext,
    initial: keyOf(scenario.start),
    states,
  });
}

/** The machine type `createConversationMachine` returns. */
export type ConversationMachine = ReturnType<typeof createConversationMachine>;

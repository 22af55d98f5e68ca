import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/index.ts';
import { ChoiceNotOfferedError } from './ChoiceNotOfferedError.ts';
import { type ConversationMachine, createConversationMachine } from './createConversationMachine.ts';
import { offeredChoices } from './offeredChoices.ts';
import { stateKeys } from './stateKeys.ts';
import type { ConversationSession, ConversationView, Ending } from './types.ts';

/** A scenario's compiled machine and the node id of each state key. */
interface Compiled {
  readonly machine: ConversationMachine;
  readonly nodeOf: ReadonlyMap<string, string>;
}

/**
 * Compiled machines by scenario. A checked `Scenario` is immutable, so every
 * session of it can share one machine: XState builds each state node and
 * transition eagerly (about 40 µs a node), far more than a playthrough costs.
 * Weakly held, so a scenario the app drops takes its machine with it.
 */
const compiled = new WeakMap<Scenario, Compiled>();

function compiledFor(scenario: Scenario): Compiled {
  let entry = compiled.get(scenario);
  if (entry === undefined) {
    entry = { machine: createConversationMachine(scenario), nodeOf: stateKeys(scenario).nodeOf };
    compiled.set(scenario, entry);
  }
  return entry;
}

/** Starts a conversation on the scenario's compiled machine, behind the `ConversationSession` facade. */
export function createSession(scenario: Scenario): ConversationSession {
  const { machine, nodeOf } = compiledFor(scenario);
  const listeners = new Set<(view: ConversationView) => void>();
  let chosen: string[] = [];
  let actor = start(machine, chosen);
  let current: ConversationView | null = null;
  let disposed = false;

  function viewNow(): ConversationView {
    if (current !== null) return current;
    const snapshot = actor.getSnapshot();
    const nodeId = nodeOf.get(String(snapshot.value));
    const node = nodeId === undefined ? undefined : scenario.nodes.get(nodeId);
    if (nodeId === undefined || node === undefined) {
      throw new Error(`the machine for '${scenario.id}' is in an unknown state '${String(snapshot.value)}'`);
    }
    const { context } = snapshot;
    const ending: Ending | null = node.kind === 'end' ? { node: nodeId, outcome: node.end } : null;
    const offered = offeredChoices(scenario, nodeId, context);
    current = {
      scenario,
      node,
      offered,
      transcript: context.transcript,
      path: context.path,
      mood: context.mood,
      ending,
      stuck: ending === null && offered.length === 0,
      canUndo: context.transcript.length > 0,
      run: { choices: context.transcript.map((entry) => entry.choice), path: context.path, ending },
    };
    return current;
  }

  function changed(): void {
    current = null;
    const view = viewNow();
    for (const listener of [...listeners]) listener(view);
  }

  function ensureLive(): void {
    if (disposed) throw new Error('this conversation session has been disposed');
  }

  return {
    view: viewNow,
    choose(choiceId) {
      ensureLive();
      const view = viewNow();
      if (!view.offered.some((choice) => choice.id === choiceId)) {
        throw new ChoiceNotOfferedError(choiceId, view.node.id, view.offered, view.ending !== null);
      }
      actor.send({ type: 'learner.chose', choiceId });
      if (actor.getSnapshot().context.transcript.length !== chosen.length + 1) {
        throw new Error(
          `the machine refused reply '${choiceId}' that offeredChoices offered: please report this`,
        );
      }
      chosen.push(choiceId);
      changed();
    },
    undo() {
      ensureLive();
      if (chosen.length === 0) return;
      // Replaying is simpler and safer than restoring a snapshot: the machine stays the only rule-keeper.
      actor.stop();
      chosen = chosen.slice(0, -1);
      actor = start(machine, chosen);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      disposed = true;
      actor.stop();
      listeners.clear();
    },
  };
}

function start(machine: ConversationMachine, choices: readonly string[]): Actor<ConversationMachine> {
  const actor = createActor(machine).start();
  for (const choiceId of choices) actor.send({ type: 'learner.chose', choiceId });
  return actor;
}

import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/index.ts';
import { ChoiceNotOfferedError } from './ChoiceNotOfferedError.ts';
import { type ConversationMachine, createConversationMachine } from './createConversationMachine.ts';
import { offeredChoices } from './offeredChoices.ts';
import type { ConversationSession, ConversationView, Ending } from './types.ts';

/**
 * Compiled machines by scenario. A checked `Scenario` is immutable and the
 * actor, not the machine, holds a conversation's state, so every session of a
 * scenario shares one machine. Weakly held, so a scenario the app drops takes
 * its machine with it.
 */
const compiled = new WeakMap<Scenario, ConversationMachine>();

function machineFor(scenario: Scenario): ConversationMachine {
  let machine = compiled.get(scenario);
  if (machine === undefined) {
    machine = createConversationMachine(scenario);
    compiled.set(scenario, machine);
  }
  return machine;
}

/**
 * Compiles the scenario's machine now, so its first session starts without compiling (the page
 * does this for a deep link's scenario while Phaser boots: docs/benchmarks.md, "The first reply").
 */
export function compileConversation(scenario: Scenario): void {
  machineFor(scenario);
}

/** Starts a conversation on the scenario's compiled machine, behind the `ConversationSession` facade. */
export function createSession(scenario: Scenario): ConversationSession {
  const machine = machineFor(scenario);
  const listeners = new Set<(view: ConversationView) => void>();
  let chosen: string[] = [];
  let actor = start(machine, chosen);
  let current: ConversationView | null = null;
  let disposed = false;

  function viewNow(): ConversationView {
    if (current !== null) return current;
    const { context } = actor.getSnapshot();
    const nodeId = context.node;
    const node = scenario.nodes.get(nodeId);
    if (node === undefined)
      throw new Error(`the machine for '${scenario.id}' is at an unknown node '${nodeId}'`);
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

/**
 * Our engine against inkjs on the same generated graph: identical seeded
 * random playthroughs in both, steps (replies chosen) per second. Every round
 * checks that both engines took the same paths and ended with the same mood.
 */
import { Compiler, type Story } from 'inkjs/full';
import { createActor } from 'xstate';
import {
  createConversationMachine,
  createSession,
  nextMood,
  offeredChoices,
  type TranscriptEntry,
} from '../src/engine/index.ts';
import type { Scenario } from '../src/scenario/index.ts';
import { mulberry32, pick } from './rng.ts';
import { clock, settle, since } from './stats.ts';

/** One playthrough as both engines must agree on it. */
export interface Trace {
  readonly steps: number;
  /** Rolling hash of the node indices visited, start and ending included. */
  readonly pathHash: number;
  readonly mood: number;
  readonly lastNode: number;
}

export interface BatchResult {
  readonly steps: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly traces: readonly Trace[];
}

/** A playthrough may not run longer than this (the graph has loops). Both engines stop at the same step. */
export const MAX_STEPS_PER_RUN = 5_000;

const hashStep = (hash: number, node: number): number => (Math.imul(hash, 31) + node) | 0;
const nodeIndex = (id: string): number => Number(id.slice(1));
/** The rolling hash of a path of node ids, as ink's trace is hashed step by step. */
const pathHash = (path: readonly string[]): number =>
  path.reduce((hash, id) => hashStep(hash, nodeIndex(id)), 0);

/** Compiles ink source, failing loudly on any compiler error. */
export function compileInk(source: string): Story {
  const compiler = new Compiler(source);
  const story = compiler.Compile();
  if (compiler.errors.length > 0)
    throw new Error(`ink does not compile: ${compiler.errors.slice(0, 3).join('; ')}`);
  return story;
}

/** `runs` playthroughs on our `ConversationSession` (one session per playthrough, as the game does). */
export function playOurs(scenario: Scenario, runs: number, seed: number): BatchResult {
  settle();
  const traces: Trace[] = [];
  let steps = 0;
  const start = clock();
  for (let p = 0; p < runs; p++) {
    const rng = mulberry32(seed + p);
    const session = createSession(scenario);
    let view = session.view();
    let n = 0;
    while (view.ending === null && n < MAX_STEPS_PER_RUN) {
      const choice = view.offered[pick(rng, view.offered.length)];
      if (choice === undefined) throw new Error(`stuck at ${view.node.id}`);
      session.choose(choice.id);
      view = session.view();
      n++;
    }
    traces.push({
      steps: n,
      pathHash: pathHash(view.path),
      mood: view.mood,
      lastNode: nodeIndex(view.node.id),
    });
    session.dispose();
    steps += n;
  }
  return { steps, ...since(start), traces };
}

/**
 * One machine per scenario for the whole bench, as `createSession` keeps one.
 * Building it again for every batch would give V8 new guard and action
 * closures each time, whose feedback starts cold: the bare actor would be
 * measured half-compiled.
 */
const bareMachines = new WeakMap<Scenario, ReturnType<typeof createConversationMachine>>();
function bareMachineFor(scenario: Scenario): ReturnType<typeof createConversationMachine> {
  let machine = bareMachines.get(scenario);
  if (machine === undefined) {
    machine = createConversationMachine(scenario);
    bareMachines.set(scenario, machine);
  }
  return machine;
}

/**
 * Diagnostic, not the contract: the same playthroughs on one machine built
 * once, a bare XState actor per playthrough. Shows what `createSession`
 * costs on top of the machine itself.
 */
export function playBareActor(scenario: Scenario, runs: number, seed: number): BatchResult {
  settle();
  const machine = bareMachineFor(scenario);
  const traces: Trace[] = [];
  let steps = 0;
  const start = clock();
  for (let p = 0; p < runs; p++) {
    const rng = mulberry32(seed + p);
    const actor = createActor(machine).start();
    let snapshot = actor.getSnapshot();
    let n = 0;
    while (snapshot.status === 'active' && n < MAX_STEPS_PER_RUN) {
      const offered = offeredChoices(scenario, snapshot.context.node, snapshot.context);
      const choice = offered[pick(rng, offered.length)];
      if (choice === undefined) throw new Error(`stuck at ${snapshot.context.node}`);
      actor.send({ type: 'learner.chose', choiceId: choice.id });
      snapshot = actor.getSnapshot();
      n++;
    }
    traces.push({
      steps: n,
      pathHash: pathHash(snapshot.context.path),
      mood: snapshot.context.mood,
      lastNode: nodeIndex(snapshot.context.node),
    });
    actor.stop();
    steps += n;
  }
  return { steps, ...since(start), traces };
}

/**
 * Diagnostic, not the contract: the same playthroughs on a plain reducer with
 * the session's bookkeeping (offered replies, transcript, path, mood, acts
 * performed) and no XState: what a session could cost without the interpreter.
 */
export function playReducer(scenario: Scenario, runs: number, seed: number): BatchResult {
  settle();
  const traces: Trace[] = [];
  let steps = 0;
  const start = clock();
  for (let p = 0; p < runs; p++) {
    const rng = mulberry32(seed + p);
    const performed = new Set<string>();
    const state = { mood: scenario.customer.mood, performed };
    const path = [scenario.start];
    const transcript: TranscriptEntry[] = [];
    let node = scenario.nodes.get(scenario.start);
    let n = 0;
    while (node !== undefined && node.kind === 'choices' && n < MAX_STEPS_PER_RUN) {
      const offered = offeredChoices(scenario, node.id, state);
      const choice = offered[pick(rng, offered.length)];
      if (choice === undefined) throw new Error(`stuck at ${node.id}`);
      const moodAfter = nextMood(state.mood, choice.mood);
      transcript.push({
        node: node.id,
        choice,
        offeredPosition: offered.indexOf(choice) + 1,
        moodBefore: state.mood,
        moodAfter,
      });
      for (const { act } of choice.acts) performed.add(act);
      state.mood = moodAfter;
      path.push(choice.to);
      node = scenario.nodes.get(choice.to);
      n++;
    }
    traces.push({
      steps: n,
      pathHash: pathHash(path),
      mood: state.mood,
      lastNode: nodeIndex(node?.id ?? ''),
    });
    steps += n;
  }
  return { steps, ...since(start), traces };
}

/** The same playthroughs in inkjs: `ResetState`, `ContinueMaximally`, `ChooseChoiceIndex`; mood read from the ink VAR. */
export function playInk(story: Story, runs: number, seed: number): BatchResult {
  settle();
  const traces: Trace[] = [];
  let steps = 0;
  const start = clock();
  for (let p = 0; p < runs; p++) {
    const rng = mulberry32(seed + p);
    story.ResetState();
    let hash = 0;
    let last = -1;
    let n = 0;
    for (;;) {
      const text = story.ContinueMaximally();
      // Each knot says "... at node <i>." on its one line.
      last = Number.parseInt(text.slice(text.lastIndexOf(' ') + 1), 10);
      hash = hashStep(hash, last);
      const choices = story.currentChoices;
      if (choices.length === 0 || n >= MAX_STEPS_PER_RUN) break;
      story.ChooseChoiceIndex(pick(rng, choices.length));
      n++;
    }
    traces.push({ steps: n, pathHash: hash, mood: Number(story.variablesState.$('mood')), lastNode: last });
    steps += n;
  }
  return { steps, ...since(start), traces };
}

/** Throws, naming the first playthrough where the two engines part ways. */
export function assertSameTraces(label: string, ours: readonly Trace[], theirs: readonly Trace[]): void {
  if (ours.length !== theirs.length)
    throw new Error(`${label}: ${ours.length} playthroughs vs ${theirs.length}`);
  for (const [i, a] of ours.entries()) {
    const b = theirs[i];
    if (
      b === undefined ||
      a.steps !== b.steps ||
      a.pathHash !== b.pathHash ||
      a.mood !== b.mood ||
      a.lastNode !== b.lastNode
    ) {
      throw new Error(
        `${label}: playthrough ${i} differs between the engines: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
      );
    }
  }
}

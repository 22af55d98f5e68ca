/**
 * Loading: YAML text → checked `Scenario` → a session whose machine is ready,
 * against the `yaml` package parsing the same text alone, plus the stages in
 * between so any excess can be placed (parse, read, graph checks, machine).
 */
import { LineCounter, parseDocument } from 'yaml';
import { createSession } from '../src/engine/index.ts';
import { checkGraph } from '../src/scenario/checkGraph.ts';
import type { Catalogue, Scenario } from '../src/scenario/index.ts';
import { loadChecked } from './load.ts';
import { clock, settle, since } from './stats.ts';

/** Milliseconds on both clocks. */
export type Elapsed = ReturnType<typeof since>;

/** The `yaml` package alone, with a LineCounter and the loader's own options. */
export function parseOnly(text: string): Elapsed {
  settle();
  const start = clock();
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false });
  const elapsed = since(start);
  if (doc.errors.length > 0) throw new Error('the generated YAML does not parse');
  return elapsed;
}

/** Text → `loadScenario` (validated) → `createSession` with its first view. */
export function loadToSession(file: string, text: string, catalogue: Catalogue): Elapsed {
  settle();
  const start = clock();
  const scenario = loadChecked(file, text, catalogue);
  const session = createSession(scenario);
  session.view();
  const elapsed = since(start);
  session.dispose();
  return elapsed;
}

/** Text → checked `Scenario` only (parse, read, graph checks). */
export function loadOnly(file: string, text: string, catalogue: Catalogue): Elapsed {
  settle();
  const start = clock();
  loadChecked(file, text, catalogue);
  return since(start);
}

/** The graph checks alone (reachability both ways), as `readScenario` runs them. */
export function graphChecks(scenario: Scenario): Elapsed {
  settle();
  const start = clock();
  const { unreachable, stuck } = checkGraph(scenario.nodes, scenario.start);
  const elapsed = since(start);
  if (unreachable.length + stuck.length > 0)
    throw new Error('the generated graph has unreachable or stuck nodes');
  return elapsed;
}

/** `createSession` alone on a loaded scenario: compiling the machine and starting the actor. */
export function sessionOnly(scenario: Scenario): Elapsed {
  settle();
  const start = clock();
  const session = createSession(scenario);
  session.view();
  const elapsed = since(start);
  session.dispose();
  return elapsed;
}

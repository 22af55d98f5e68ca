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
import { settle } from './stats.ts';

/** The `yaml` package alone, with a LineCounter and the loader's own options. */
export function parseOnly(text: string): number {
  settle();
  const start = performance.now();
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false });
  const ms = performance.now() - start;
  if (doc.errors.length > 0) throw new Error('the generated YAML does not parse');
  return ms;
}

/** Text → `loadScenario` (validated) → `createSession` with its first view. */
export function loadToSession(file: string, text: string, catalogue: Catalogue): number {
  settle();
  const start = performance.now();
  const scenario = loadChecked(file, text, catalogue);
  const session = createSession(scenario);
  session.view();
  const ms = performance.now() - start;
  session.dispose();
  return ms;
}

/** Text → checked `Scenario` only (parse, read, graph checks). */
export function loadOnly(file: string, text: string, catalogue: Catalogue): number {
  settle();
  const start = performance.now();
  loadChecked(file, text, catalogue);
  return performance.now() - start;
}

/** The graph checks alone (reachability both ways), as `readScenario` runs them. */
export function graphChecks(scenario: Scenario): number {
  settle();
  const start = performance.now();
  const { unreachable, stuck } = checkGraph(scenario.nodes, scenario.start);
  const ms = performance.now() - start;
  if (unreachable.length + stuck.length > 0)
    throw new Error('the generated graph has unreachable or stuck nodes');
  return ms;
}

/** `createSession` alone on a loaded scenario: compiling the machine and starting the actor. */
export function sessionOnly(scenario: Scenario): number {
  settle();
  const start = performance.now();
  const session = createSession(scenario);
  session.view();
  const ms = performance.now() - start;
  session.dispose();
  return ms;
}

/**
 * `analyseScenario` against a bare walk: the same bounded depth-first search
 * over every run (same visit limit, same run and step caps, same order), with
 * no scoring, no Choice objects and no Maps: typed arrays only. The ratio says
 * what scoring and bookkeeping cost on top of the walk itself.
 */
import { analyseScenario, DEFAULT_LIMITS } from '../src/analysis/index.ts';
import type { Catalogue, Scenario } from '../src/scenario/index.ts';
import { clock, settle, since } from './stats.ts';

export interface WalkTotals {
  readonly completeRuns: number;
  readonly loopCutRuns: number;
  readonly steps: number;
}

export interface WalkResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly totals: WalkTotals;
}

export interface Limits {
  readonly visitsPerNode: number;
  readonly maxRuns: number;
  readonly maxSteps: number;
}

export const ANALYSIS_LIMITS: Limits = DEFAULT_LIMITS;

/** The graph as typed arrays, built once outside the timing (the walk's "compiled" form). */
export interface BareGraph {
  readonly start: number;
  /** Replies of node i are targets[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly isEnd: Uint8Array;
}

export function bareGraph(scenario: Scenario): BareGraph {
  const ids = [...scenario.nodes.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(ids.length + 1);
  const targets: number[] = [];
  const isEnd = new Uint8Array(ids.length);
  for (const [i, node] of [...scenario.nodes.values()].entries()) {
    offsets[i] = targets.length;
    if (node.kind === 'end') isEnd[i] = 1;
    else for (const choice of node.choices) targets.push(index.get(choice.to) ?? -1);
  }
  offsets[ids.length] = targets.length;
  return { start: index.get(scenario.start) ?? 0, offsets, targets: Int32Array.from(targets), isEnd };
}

/** The bare DFS: counts complete runs, loop cuts and steps exactly as the analysis's search does. */
export function bareWalk(graph: BareGraph, limits: Limits): WalkResult {
  settle();
  const begin = clock();
  const { offsets, targets, isEnd } = graph;
  const visits = new Int32Array(isEnd.length);
  const stackNode: number[] = [];
  const stackNext: number[] = [];
  const path: number[] = [];
  const positions: number[] = [];
  let completeRuns = 0;
  let loopCutRuns = 0;
  let steps = 0;
  visits[graph.start] = 1;
  path.push(graph.start);
  if (isEnd[graph.start] === 1) completeRuns++;
  else {
    stackNode.push(graph.start);
    stackNext.push(offsets[graph.start] as number);
  }
  while (stackNode.length > 0) {
    const top = stackNode.length - 1;
    const node = stackNode[top] as number;
    const next = stackNext[top] as number;
    if (next >= (offsets[node + 1] as number)) {
      stackNode.pop();
      stackNext.pop();
      path.pop();
      if (positions.length > 0) positions.pop();
      visits[node] = (visits[node] as number) - 1;
      continue;
    }
    stackNext[top] = next + 1;
    const target = targets[next] as number;
    if ((visits[target] as number) >= limits.visitsPerNode) {
      loopCutRuns++;
      continue;
    }
    if (steps >= limits.maxSteps) break;
    steps++;
    if (isEnd[target] === 1) {
      // Like the analysis: stop at the first run past the cap.
      if (completeRuns >= limits.maxRuns) break;
      completeRuns++;
      continue;
    }
    visits[target] = (visits[target] as number) + 1;
    path.push(target);
    positions.push(next - (offsets[node] as number) + 1);
    stackNode.push(target);
    stackNext.push(offsets[target] as number);
  }
  return { ...since(begin), totals: { completeRuns, loopCutRuns, steps } };
}

/** `analyseScenario` with every model of the catalogue (what `sim analyse` does), timed. */
export function runAnalysis(scenario: Scenario, catalogue: Catalogue, limits: Limits): WalkResult {
  settle();
  const begin = clock();
  const analysis = analyseScenario(scenario, catalogue, limits);
  const elapsed = since(begin);
  const { completeRuns, loopCutRuns, steps } = analysis.explored;
  return { ...elapsed, totals: { completeRuns, loopCutRuns, steps } };
}

/** Throws unless the two searches explored exactly the same runs. */
export function assertSameSearch(label: string, a: WalkTotals, b: WalkTotals): void {
  if (a.completeRuns !== b.completeRuns || a.loopCutRuns !== b.loopCutRuns || a.steps !== b.steps) {
    throw new Error(
      `${label}: the analysis and the bare walk explored different runs: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
    );
  }
}

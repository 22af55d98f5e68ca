/**
 * The analysis search as it was before it was compiled to typed arrays
 * (issue 9): one frame object per step, and every complete run scored from
 * its replies with scoring's whole-run functions (tallySteps, scoreSteps,
 * runLimitsFor, totalScore: what `sim play` uses), not incrementally. Kept as
 * the reference the property test compares the fast search with; do not
 * optimise it. (Scoring v2 replaced the incremental tallies with a rescore per
 * run, so the reference shares nothing with the walk's flat tally.)
 */

import type {
  AnalysisOptions,
  EndingRange,
  ModelAnalysis,
  RunSummary,
  ScenarioAnalysis,
  ScoreBound,
} from '../../src/analysis/index.ts';
import { describeBounds } from '../../src/analysis/index.ts';
import { nextMood, offeredChoices } from '../../src/engine/index.ts';
import {
  type Catalogue,
  type Choice,
  type Model,
  OUTCOMES,
  type Outcome,
  type Scenario,
} from '../../src/scenario/index.ts';
import {
  BANDS,
  type Band,
  faultsFor,
  limitIds,
  limitMask,
  markingFor,
  runLimitsFor,
  scoreSteps,
  tallySteps,
  totalScore,
} from '../../src/scoring/index.ts';

/** Limits for one search; see `AnalysisOptions` for what each means. */
export interface SearchLimits {
  readonly visitsPerNode: number;
  readonly maxRuns: number;
  readonly maxSteps: number;
}

/** A run's score against one model, as the analysis needs it. */
export interface QuickScore {
  readonly marks: number;
  readonly percent: number;
  readonly band: Band;
  readonly limits: number;
  readonly max?: number;
}

/**
 * A complete run as the search reaches it. The arrays are the search's live
 * stacks: copy them if you keep them past the callback.
 */
export interface FoundRun {
  readonly positions: readonly number[];
  readonly choices: readonly Choice[];
  readonly path: readonly string[];
  readonly ending: { readonly node: string; readonly outcome: Outcome };
  /** One per model, in the order the models were given. */
  readonly scores: readonly QuickScore[];
}

export interface SearchTotals {
  readonly completeRuns: number;
  readonly stuckRuns: number;
  readonly loopCutRuns: number;
  readonly steps: number;
  readonly truncated: 'none' | 'max-runs' | 'max-steps' | 'stopped';
}

interface ChoiceInfo {
  readonly target: number;
}

interface Frame {
  readonly node: number;
  readonly via: Choice | null;
  readonly mood: number;
  readonly offered: readonly Choice[];
  next: number;
}

/**
 * Depth-first search over every run of the scenario with a plain reducer (no
 * actor per step): replies come from the engine's `offeredChoices`, scores
 * from the scoring functions, and step tallies are carried incrementally so a
 * run costs one step per reply, not a rescore. Nothing is stored per run; the
 * callback sees each complete run and may return true to stop.
 */
export function refSearchRuns(
  scenario: Scenario,
  models: readonly Model[],
  catalogue: Catalogue,
  limits: SearchLimits,
  onRun: (run: FoundRun) => boolean | undefined,
  /** Told of each run that reaches a node offering no reply (every `if` failed), with the positions that got there. */
  onStuck?: (node: string, positions: readonly number[]) => void,
): SearchTotals {
  const nodeIds = [...scenario.nodes.keys()];
  const indexOf = new Map(nodeIds.map((id, i) => [id, i]));
  const infos = new Map<Choice, ChoiceInfo>();
  const info = (choice: Choice): ChoiceInfo => {
    const known = infos.get(choice);
    if (known !== undefined) return known;
    const target = indexOf.get(choice.to);
    if (target === undefined) {
      throw new Error(`reply '${choice.id}' leads to a node '${choice.to}' that does not exist`);
    }
    const made: ChoiceInfo = { target };
    infos.set(choice, made);
    return made;
  };

  const visits = new Int32Array(nodeIds.length);
  const actCounts = new Map<string, number>();
  const positions: number[] = [];
  const choices: Choice[] = [];
  const path: string[] = [];
  const frames: Frame[] = [];
  let completeRuns = 0;
  let stuckRuns = 0;
  let loopCutRuns = 0;
  let steps = 0;
  let truncated: SearchTotals['truncated'] = 'none';

  const state = { mood: 0, performed: { has: (act: string) => (actCounts.get(act) ?? 0) > 0 } };

  const scoresOf = (outcome: Outcome): QuickScore[] => {
    const faults = faultsFor(choices, catalogue);
    const penalties = faults.reduce((sum, fault) => sum + fault.penalty, 0);
    const runLimits = runLimitsFor(
      scenario,
      outcome,
      faults,
      markingFor(scenario.marking, choices),
      catalogue,
    );
    return models.map((model) => {
      const score = totalScore(scoreSteps(model, tallySteps(model, choices)), penalties, runLimits);
      return {
        marks: score.marks,
        max: score.max,
        percent: score.percent,
        band: score.band,
        limits: limitMask(score.limits),
      };
    });
  };

  /** Enters a node; returns true when the caller must stop the whole search. */
  const enter = (node: number, via: Choice | null, parent: Frame | null): boolean => {
    const nodeId = nodeIds[node] ?? '';
    visits[node] = (visits[node] ?? 0) + 1;
    path.push(nodeId);
    let mood = scenario.customer.mood;
    if (via !== null && parent !== null) {
      choices.push(via);
      for (const { act } of via.acts) actCounts.set(act, (actCounts.get(act) ?? 0) + 1);
      mood = nextMood(parent.mood, via.mood);
    }
    const scenarioNode = scenario.nodes.get(nodeId);
    state.mood = mood;
    const offered = scenarioNode?.kind === 'choices' ? offeredChoices(scenario, nodeId, state) : [];
    const frame: Frame = { node, via, mood, offered, next: 0 };
    if (scenarioNode?.kind === 'end') {
      // Stop at the first run *past* the cap, so "the scenario has more" is a fact, not a guess.
      if (completeRuns >= limits.maxRuns) {
        leave(frame);
        truncated = 'max-runs';
        return true;
      }
      completeRuns++;
      const stop = onRun({
        positions,
        choices,
        path,
        ending: { node: nodeId, outcome: scenarioNode.end },
        scores: scoresOf(scenarioNode.end),
      });
      leave(frame);
      if (stop === true) {
        truncated = 'stopped';
        return true;
      }
      return false;
    }
    if (offered.length === 0) {
      stuckRuns++;
      onStuck?.(nodeId, positions);
      leave(frame);
      return false;
    }
    frames.push(frame);
    return false;
  };

  const leave = (frame: Frame): void => {
    visits[frame.node] = (visits[frame.node] ?? 1) - 1;
    path.pop();
    if (frame.via !== null) {
      choices.pop();
      positions.pop();
      for (const { act } of frame.via.acts) actCounts.set(act, (actCounts.get(act) ?? 1) - 1);
    }
  };

  const start = indexOf.get(scenario.start);
  if (start === undefined) throw new Error(`scenario '${scenario.id}' starts at a node it does not have`);
  let stopped = enter(start, null, null);
  while (!stopped && frames.length > 0) {
    const top = frames[frames.length - 1];
    if (top === undefined) break;
    const choice = top.offered[top.next];
    if (choice === undefined) {
      frames.pop();
      leave(top);
      continue;
    }
    top.next++;
    const { target } = info(choice);
    if ((visits[target] ?? 0) >= limits.visitsPerNode) {
      loopCutRuns++;
      continue;
    }
    if (steps >= limits.maxSteps) {
      truncated = 'max-steps';
      break;
    }
    steps++;
    positions.push(top.next);
    stopped = enter(target, choice, top);
  }
  return { completeRuns, stuckRuns, loopCutRuns, steps, truncated };
}

/** Default limits: two visits per node, 200,000 complete runs, 5,000,000 replies followed. */
const DEFAULT_LIMITS = { visitsPerNode: 2, maxRuns: 200_000, maxSteps: 5_000_000 } as const;

/** True when `a` is a better result than `b`: a higher band, or the same band and a higher percent. */
function isBetter(a: QuickScore | ScoreBound, b: QuickScore | ScoreBound): boolean {
  const rankA = BANDS.indexOf(a.band);
  const rankB = BANDS.indexOf(b.band);
  return rankA < rankB || (rankA === rankB && a.percent > b.percent);
}

interface EndingTally {
  runs: number;
  min: ScoreBound;
  max: ScoreBound;
}

interface ModelTally {
  best: RunSummary | null;
  worst: RunSummary | null;
  endings: Map<string, EndingTally>;
}

function summarise(run: FoundRun, score: QuickScore): RunSummary {
  return {
    positions: [...run.positions],
    choices: run.choices.map((choice) => choice.id),
    path: [...run.path],
    ending: run.ending,
    marks: score.marks,
    percent: score.percent,
    band: score.band,
    limits: limitIds(score.limits),
  };
}

/** The models to analyse, by id, checked against the catalogue. */
function pickModels(catalogue: Catalogue, ids: readonly string[] | undefined): Model[] {
  if (ids === undefined) return [...catalogue.models.values()];
  return ids.map((id) => {
    const model = catalogue.models.get(id);
    if (model === undefined) throw new Error(`unknown model '${id}'`);
    return model;
  });
}

/**
 * Explores every run of the scenario within the bounds and reports, per
 * model, the best and worst runs, the outcomes reached, the score range per
 * ending and whether Distinction is reachable.
 */
export function refAnalyseScenario(
  scenario: Scenario,
  catalogue: Catalogue,
  options: AnalysisOptions = {},
): ScenarioAnalysis {
  const bounds = {
    visitsPerNode: options.visitsPerNode ?? DEFAULT_LIMITS.visitsPerNode,
    maxRuns: options.maxRuns ?? DEFAULT_LIMITS.maxRuns,
    maxSteps: options.maxSteps ?? DEFAULT_LIMITS.maxSteps,
  };
  const models = pickModels(catalogue, options.models);
  const tallies: ModelTally[] = models.map(() => ({ best: null, worst: null, endings: new Map() }));
  const outcomes = new Set<Outcome>();

  const totals = refSearchRuns(scenario, models, catalogue, bounds, (run) => {
    outcomes.add(run.ending.outcome);
    for (const [m, score] of run.scores.entries()) {
      const tally = tallies[m];
      if (tally === undefined) continue;
      if (tally.best === null || isBetter(score, tally.best)) tally.best = summarise(run, score);
      if (tally.worst === null || isBetter(tally.worst, score)) tally.worst = summarise(run, score);
      const bound = { percent: score.percent, band: score.band };
      const ending = tally.endings.get(run.ending.node);
      if (ending === undefined) {
        tally.endings.set(run.ending.node, { runs: 1, min: bound, max: bound });
      } else {
        ending.runs++;
        if (isBetter(bound, ending.max)) ending.max = bound;
        if (isBetter(ending.min, bound)) ending.min = bound;
      }
    }
    return undefined;
  });

  const reached = OUTCOMES.filter((outcome) => outcomes.has(outcome));
  const analyses: ModelAnalysis[] = models.map((model, m) => {
    const tally = tallies[m] ?? { best: null, worst: null, endings: new Map<string, EndingTally>() };
    const endings: EndingRange[] = [];
    for (const [nodeId, node] of scenario.nodes) {
      const range = tally.endings.get(nodeId);
      if (range === undefined || node.kind !== 'end') continue;
      endings.push({ node: nodeId, outcome: node.end, runs: range.runs, min: range.min, max: range.max });
    }
    return {
      model: model.id,
      runs: totals.completeRuns,
      best: tally.best,
      worst: tally.worst,
      outcomes: reached,
      endings,
      distinctionReachable: tally.best?.band === 'Distinction',
    };
  });

  const truncated = totals.truncated === 'stopped' ? 'none' : totals.truncated;
  return {
    scenario: scenario.id,
    bounds,
    exhaustive: truncated === 'none',
    truncated,
    explored: {
      completeRuns: totals.completeRuns,
      stuckRuns: totals.stuckRuns,
      loopCutRuns: totals.loopCutRuns,
      steps: totals.steps,
    },
    note: describeBounds(bounds, truncated, totals.completeRuns),
    models: analyses,
  };
}

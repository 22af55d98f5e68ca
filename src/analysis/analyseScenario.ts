import { type Catalogue, type Model, OUTCOMES, type Outcome, type Scenario } from '../scenario/index.ts';
import { BANDS } from '../scoring/index.ts';
import { describeBounds } from './describeBounds.ts';
import { type FoundRun, type QuickScore, searchRuns } from './searchRuns.ts';
import type {
  AnalysisOptions,
  EndingRange,
  ModelAnalysis,
  RunSummary,
  ScenarioAnalysis,
  ScoreBound,
} from './types.ts';

/** Default limits: two visits per node, 200,000 complete runs, 5,000,000 replies followed. */
export const DEFAULT_LIMITS = { visitsPerNode: 2, maxRuns: 200_000, maxSteps: 5_000_000 } as const;

/** True when `a` is a better result than `b`: a higher band, or the same band and a higher percent. */
export function isBetter(a: QuickScore | ScoreBound, b: QuickScore | ScoreBound): boolean {
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
  };
}

/** The models to analyse, by id, checked against the catalogue. */
export function pickModels(catalogue: Catalogue, ids: readonly string[] | undefined): Model[] {
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
export function analyseScenario(
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

  const totals = searchRuns(scenario, models, catalogue, bounds, (run) => {
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

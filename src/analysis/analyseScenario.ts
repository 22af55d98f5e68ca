import { type Catalogue, type Model, OUTCOMES, type Outcome, type Scenario } from '../scenario/index.ts';
import {
  BANDS,
  type Band,
  bandRankFor,
  earnedMarks,
  limitIds,
  MISSED_STEP,
  marksAfter,
  missedAnyStep,
  orderScratch,
  roundPercent,
  STEP_MAX,
} from '../scoring/index.ts';
import { compiledScenario } from './compileScenario.ts';
import { describeBounds } from './describeBounds.ts';
import { choicesOf, endingOf, pathOf, positionsOf, type QuickScore } from './searchRuns.ts';
import type {
  AnalysisOptions,
  EndingRange,
  ModelAnalysis,
  RunSummary,
  ScenarioAnalysis,
  ScoreBound,
} from './types.ts';
import { type WalkView, walkRuns } from './walkRuns.ts';

/** Default limits: two visits per node, 200,000 complete runs, 5,000,000 replies followed. */
export const DEFAULT_LIMITS = { visitsPerNode: 2, maxRuns: 200_000, maxSteps: 5_000_000 } as const;

/** Σ performed + 1 per performed step: the row's marks if every performed step were in order. */
function ceilingOf(performed: Float64Array, base: number, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const credit = performed[base + i] as number;
    if (credit > 0) sum += credit + 1;
  }
  return sum;
}

/** True when (rankA, percentA) is a better result than (rankB, percentB): a lower band rank, or the same and a higher percent. */
export function betterRank(rankA: number, percentA: number, rankB: number, percentB: number): boolean {
  return rankA < rankB || (rankA === rankB && percentA > percentB);
}

/** True when `a` is a better result than `b`: a higher band, or the same band and a higher percent. */
export function isBetter(a: QuickScore | ScoreBound, b: QuickScore | ScoreBound): boolean {
  return betterRank(BANDS.indexOf(a.band), a.percent, BANDS.indexOf(b.band), b.percent);
}

const bandAt = (rank: number): Band => BANDS[rank] ?? 'Not yet achieved';

/**
 * One number per result, ordered as `betterRank`: a better band always outweighs the
 * percent (which the contract keeps within 0–100, one decimal), and within a band the
 * higher percent is the higher key.
 */
function resultKey(bandCount: number, rank: number, percent: number): number {
  return (bandCount - rank) * 1000 + percent;
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
 *
 * Each complete run is scored from the search's flat tally row with
 * scoring's `earnedMarks` (the order rule), `missedAnyStep` and `marksAfter`,
 * then, only when the marks or the limits differ from the model's previous
 * run, `roundPercent` and `bandRankFor` (the pieces of `scoreRow`);
 * ranges and best/worst are kept as band ranks and percents in typed arrays,
 * and a `RunSummary` is built only when a run becomes a model's new best or
 * worst.
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
  const compiled = compiledScenario(scenario, models, catalogue);
  const modelCount = models.length;
  const nodeCount = compiled.nodeIds.length;
  const stepBase = compiled.stepBase;
  const stepCount = Int32Array.from(models, (model) => model.steps.length);

  const best: (RunSummary | null)[] = models.map(() => null);
  const worst: (RunSummary | null)[] = models.map(() => null);
  // Results are compared by `resultKey` (one number, ordered exactly as `isBetter`);
  // the band rank and percent are kept beside each bound for the output.
  const bestKey = new Float64Array(modelCount).fill(Number.NEGATIVE_INFINITY);
  const worstKey = new Float64Array(modelCount).fill(Number.POSITIVE_INFINITY);
  /** Complete runs per ending node (the same for every model). */
  const endRuns = new Int32Array(nodeCount);
  /** Per model and ending node (index m × endings + the node's `endingIndex`): the range's bounds. */
  const endingIndex = compiled.endingIndex;
  const endingCount = compiled.endingCount;
  const minKey = new Float64Array(modelCount * endingCount).fill(Number.POSITIVE_INFINITY);
  const minRank = new Int32Array(modelCount * endingCount);
  const minPercent = new Float64Array(modelCount * endingCount);
  const maxKey = new Float64Array(modelCount * endingCount).fill(Number.NEGATIVE_INFINITY);
  const maxRank = new Int32Array(modelCount * endingCount);
  const maxPercent = new Float64Array(modelCount * endingCount);
  // Read once (see walkRuns): an imported binding can cost a getter call per use under some loaders.
  const bandCount = BANDS.length;
  /** Per model: the most marks a run can earn (STEP_MAX per step). */
  const maxMarks = Float64Array.from(models, (model) => STEP_MAX * model.steps.length);

  // A run that becomes a best or worst is often one for several models at once (the first
  // run is every model's best and worst): its positions, reply ids and path are built once
  // per run and copied for each summary.
  let shapedRun = -1;
  let shaped: Pick<RunSummary, 'positions' | 'choices' | 'path' | 'ending'> | null = null;
  const summarise = (view: WalkView, end: number, length: number, m: number, run: number): RunSummary => {
    const limits = limitIds(lastLimits[m] as number);
    if (shaped === null || shapedRun !== run) {
      shaped = {
        positions: positionsOf(view, length),
        choices: choicesOf(compiled, view, length).map((choice) => choice.id),
        path: [...pathOf(compiled, view, length), compiled.nodeIds[end] ?? ''],
        ending: endingOf(compiled, end),
      };
      shapedRun = run;
      return {
        ...shaped,
        marks: lastMarks[m] as number,
        percent: lastPercent[m] as number,
        band: bandAt(lastRank[m] as number),
        limits,
      };
    }
    return {
      positions: shaped.positions.slice(),
      choices: shaped.choices.slice(),
      path: shaped.path.slice(),
      ending: { ...shaped.ending },
      marks: lastMarks[m] as number,
      percent: lastPercent[m] as number,
      band: bandAt(lastRank[m] as number),
      limits,
    };
  };

  // The percent and band depend only on (marks, limits): consecutive runs repeat those often
  // (marks are max(0, earned − penalties), often 0), so the last result per model is kept and
  // the percent and band are worked out only when one of them changes.
  // A model's earned marks and missed step depend only on its tally row: they are worked out
  // again only when the walk's count of changes to that row (`rowVersion`) has moved.
  const seenVersion = new Float64Array(modelCount).fill(-1);
  const rowEarned = new Float64Array(modelCount);
  /** 1 when rowEarned is worked out for the row as it is now (the order rule is run only when needed). */
  const rowEarnedKnown = new Uint8Array(modelCount);
  /** The most the row could earn whatever the order: Σ performed + 1 per performed step. */
  const rowCeiling = new Float64Array(modelCount);
  const rowMissed = new Uint8Array(modelCount);
  const lastLimits = new Int32Array(modelCount).fill(-1);
  const inOrder = new Uint8Array(stepBase[modelCount] as number);
  const scratch = orderScratch(Math.max(0, ...stepCount));
  const lastMarks = new Float64Array(modelCount).fill(Number.NaN);
  const lastPercent = new Float64Array(modelCount);
  const lastRank = new Int32Array(modelCount);
  const lastKey = new Float64Array(modelCount);
  const earnedOf = earnedMarks;
  const missedOf = missedAnyStep;
  const marksOf = marksAfter;
  const percentOf = roundPercent;
  const rankOf = bandRankFor;

  let runs = 0;
  const totals = walkRuns(compiled, bounds, {
    run: (view, end, length, penalties, runLimits) => {
      endRuns[end] = (endRuns[end] as number) + 1;
      runs++;
      const { performed, positions, counts, stride, rowVersion } = view;
      for (let m = 0; m < modelCount; m++) {
        if (rowVersion[m] !== seenVersion[m]) {
          const base = stepBase[m] as number;
          const count = stepCount[m] as number;
          seenVersion[m] = rowVersion[m] as number;
          rowEarnedKnown[m] = 0;
          rowCeiling[m] = ceilingOf(performed, base, count);
          rowMissed[m] = missedOf(performed, base, count) ? 1 : 0;
        }
        const limits = runLimits | ((rowMissed[m] as number) === 1 ? MISSED_STEP : 0);
        // Penalties at or above the most the row could earn leave 0 marks whatever the order:
        // the order rule (the costly part) is worked out only when it can change the marks.
        let marks = 0;
        if (penalties < (rowCeiling[m] as number)) {
          if (rowEarnedKnown[m] === 0) {
            const base = stepBase[m] as number;
            const count = stepCount[m] as number;
            rowEarned[m] = earnedOf(performed, positions, counts, stride, base, count, inOrder, scratch);
            rowEarnedKnown[m] = 1;
          }
          marks = marksOf(rowEarned[m] as number, penalties);
        }
        if (marks !== lastMarks[m] || limits !== lastLimits[m]) {
          const percent = percentOf(marks, maxMarks[m] as number);
          const rank = rankOf(percent, limits);
          lastMarks[m] = marks;
          lastLimits[m] = limits;
          lastPercent[m] = percent;
          lastRank[m] = rank;
          lastKey[m] = resultKey(bandCount, rank, percent);
        }
        const key = lastKey[m] as number;
        if (key > (bestKey[m] as number)) {
          best[m] = summarise(view, end, length, m, runs);
          bestKey[m] = key;
        }
        if ((worstKey[m] as number) > key) {
          worst[m] = summarise(view, end, length, m, runs);
          worstKey[m] = key;
        }
        const at = m * endingCount + (endingIndex[end] as number);
        if (key > (maxKey[at] as number)) {
          maxKey[at] = key;
          maxRank[at] = lastRank[m] as number;
          maxPercent[at] = lastPercent[m] as number;
        }
        if ((minKey[at] as number) > key) {
          minKey[at] = key;
          minRank[at] = lastRank[m] as number;
          minPercent[at] = lastPercent[m] as number;
        }
      }
      return undefined;
    },
  });

  const outcomes = new Set<Outcome>();
  for (let n = 0; n < nodeCount; n++) {
    const outcome = compiled.outcomes[n];
    if ((endRuns[n] as number) > 0 && outcome !== null && outcome !== undefined) outcomes.add(outcome);
  }
  const reached = OUTCOMES.filter((outcome) => outcomes.has(outcome));
  const analyses: ModelAnalysis[] = models.map((model, m) => {
    const endings: EndingRange[] = [];
    for (const [n, nodeId] of compiled.nodeIds.entries()) {
      const runs = endRuns[n] as number;
      const outcome = compiled.outcomes[n];
      if (runs === 0 || outcome === null || outcome === undefined) continue;
      const at = m * endingCount + (endingIndex[n] as number);
      endings.push({
        node: nodeId,
        outcome,
        runs,
        min: { percent: minPercent[at] as number, band: bandAt(minRank[at] as number) },
        max: { percent: maxPercent[at] as number, band: bandAt(maxRank[at] as number) },
      });
    }
    const bestRun = best[m] ?? null;
    return {
      model: model.id,
      runs: totals.completeRuns,
      best: bestRun,
      worst: worst[m] ?? null,
      outcomes: reached,
      endings,
      distinctionReachable: bestRun?.band === 'Distinction',
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

import { DEFAULT_LIMITS, isBetter, pickModels, type ScoreBound, searchRuns } from '../analysis/index.ts';
import { nextMood, offeredChoices } from '../engine/index.ts';
import type { Catalogue, Scenario } from '../scenario/index.ts';
import { type Band, tallySteps } from '../scoring/index.ts';

/** How far the tutor tools search; the analysis's defaults, which every real scenario is well inside. */
export interface ExploreOptions {
  readonly models?: readonly string[];
  readonly visitsPerNode?: number;
  readonly maxRuns?: number;
  readonly maxSteps?: number;
  /**
   * Work budget of this pass, in replies looked at over all complete runs
   * (each run costs its length). Default 4,000,000: every real scenario is far
   * inside it; a generated 10,000-node graph stops there, marked not exhaustive.
   */
  readonly maxWork?: number;
}

/** Default work budget of `exploreRuns`. */
export const DEFAULT_MAX_WORK = 4_000_000;

/** The best and worst score of the complete runs that take one reply, against one model. */
export interface ReplyRange {
  readonly runs: number;
  readonly best: ScoreBound;
  readonly worst: ScoreBound;
}

/**
 * A "gaming" path, as the author report defines it (docs/tutor-tools.md):
 * - `partial-step`: the run reaches Merit or Distinction although a model step
 *   is performed only in part (its best credit is above 0 and below 1);
 * - `skipped-step`: the run scores 70% or more although a model step is never
 *   performed (scoring caps it at Pass, but the percentage looks like Merit).
 */
export type GamingKind = 'partial-step' | 'skipped-step';

export interface GamingExample {
  readonly positions: readonly number[];
  readonly choices: readonly string[];
  readonly ending: { readonly node: string; readonly outcome: string };
  readonly percent: number;
  readonly band: Band;
  /** The step's best credit in this run (0 for a skipped step). */
  readonly credit: number;
}

export interface GamingFinding {
  readonly kind: GamingKind;
  readonly step: string;
  readonly stepName: string;
  /** Complete runs of this kind for this step. */
  readonly runs: number;
  /** The highest-scoring such run (the first found on a tie). */
  readonly example: GamingExample;
}

/** What one pass over every run tells the tutor tools. */
export interface Exploration {
  readonly models: readonly string[];
  readonly exhaustive: boolean;
  readonly completeRuns: number;
  /** Per reply id, per model id: the score range of the complete runs that take it. */
  readonly replies: ReadonlyMap<string, ReadonlyMap<string, ReplyRange>>;
  /** Nodes some run (complete or stuck) passes through, honouring `if` conditions. */
  readonly reached: ReadonlySet<string>;
  /** Per model id, the gaming findings, in model-step order, partial before skipped. */
  readonly gaming: ReadonlyMap<string, readonly GamingFinding[]>;
}

/** Merit or better, by rank: what `partial-step` looks for. */
const MERIT_OR_BETTER: readonly Band[] = ['Distinction', 'Merit'];
/** The percentage of a Merit, the least that counts as "high marks" for `skipped-step`. */
export const HIGH_PERCENT = 70;

/**
 * One depth-first pass (the analysis's `searchRuns`) collecting, for the map,
 * the presenter and the author report: each reply's best and worst reachable
 * score, the nodes reached and the gaming paths.
 */
export function exploreRuns(
  scenario: Scenario,
  catalogue: Catalogue,
  options: ExploreOptions = {},
): Exploration {
  const models = pickModels(catalogue, options.models);
  const limits = {
    visitsPerNode: options.visitsPerNode ?? DEFAULT_LIMITS.visitsPerNode,
    maxRuns: options.maxRuns ?? DEFAULT_LIMITS.maxRuns,
    maxSteps: options.maxSteps ?? DEFAULT_LIMITS.maxSteps,
  };
  const replies = new Map<string, Map<string, { runs: number; best: ScoreBound; worst: ScoreBound }>>();
  const reached = new Set<string>([scenario.start]);
  const gaming = new Map<
    string,
    Map<string, { kind: GamingKind; step: number; runs: number; example: GamingExample }>
  >(models.map((m) => [m.id, new Map()]));

  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  let work = 0;
  let outOfWork = false;
  const noteReached = (path: readonly string[]): void => {
    for (const node of path) reached.add(node);
  };

  const totals = searchRuns(
    scenario,
    models,
    catalogue,
    limits,
    (run) => {
      work += run.path.length * (1 + models.length);
      if (work > maxWork) {
        outOfWork = true;
        return true;
      }
      noteReached(run.path);
      for (const [m, score] of run.scores.entries()) {
        const model = models[m];
        if (model === undefined) continue;
        const bound: ScoreBound = { percent: score.percent, band: score.band };
        for (const choice of run.choices) {
          let perModel = replies.get(choice.id);
          if (perModel === undefined) {
            perModel = new Map();
            replies.set(choice.id, perModel);
          }
          const range = perModel.get(model.id);
          if (range === undefined) perModel.set(model.id, { runs: 1, best: bound, worst: bound });
          else {
            range.runs++;
            if (isBetter(bound, range.best)) range.best = bound;
            if (isBetter(range.worst, bound)) range.worst = bound;
          }
        }
        const partialCandidate = MERIT_OR_BETTER.includes(score.band);
        if (!partialCandidate && score.percent < HIGH_PERCENT) continue;
        work += run.choices.length;
        const tally = tallySteps(model, run.choices);
        const found = gaming.get(model.id);
        for (const [s, performed] of tally.performed.entries()) {
          let kind: GamingKind | null = null;
          if (performed > 0 && performed < 1 && partialCandidate) kind = 'partial-step';
          else if (performed === 0 && score.percent >= HIGH_PERCENT) kind = 'skipped-step';
          if (kind === null || found === undefined) continue;
          const key = `${kind}:${s}`;
          const example: GamingExample = {
            positions: [...run.positions],
            choices: run.choices.map((c) => c.id),
            ending: run.ending,
            percent: score.percent,
            band: score.band,
            credit: performed,
          };
          const known = found.get(key);
          if (known === undefined) found.set(key, { kind, step: s, runs: 1, example });
          else {
            known.runs++;
            if (isBetter(score, known.example)) known.example = example;
          }
        }
      }
      return undefined;
    },
    (node, positions) => {
      noteReached([...replayPositions(scenario, positions), node]);
    },
  );

  const gamingOut = new Map<string, GamingFinding[]>();
  for (const model of models) {
    const found = [...(gaming.get(model.id)?.values() ?? [])];
    found.sort((a, b) => a.step - b.step || (a.kind === b.kind ? 0 : a.kind === 'partial-step' ? -1 : 1));
    gamingOut.set(
      model.id,
      found.map((f) => ({
        kind: f.kind,
        step: model.steps[f.step]?.id ?? '',
        stepName: model.steps[f.step]?.name ?? '',
        runs: f.runs,
        example: f.example,
      })),
    );
  }
  return {
    models: models.map((m) => m.id),
    exhaustive: totals.truncated === 'none' && !outOfWork,
    completeRuns: totals.completeRuns,
    replies,
    reached,
    gaming: gamingOut,
  };
}

/** The nodes before the last, for 1-based offered positions played from the start. */
function replayPositions(scenario: Scenario, positions: readonly number[]): string[] {
  const path: string[] = [];
  const performed = new Set<string>();
  let node = scenario.start;
  let mood = scenario.customer.mood;
  for (const position of positions) {
    const offered = offeredChoices(scenario, node, { mood, performed });
    const choice = offered[position - 1];
    if (choice === undefined) break;
    path.push(node);
    for (const { act } of choice.acts) performed.add(act);
    mood = nextMood(mood, choice.mood);
    node = choice.to;
  }
  return path;
}

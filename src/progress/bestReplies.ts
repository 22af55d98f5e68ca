import {
  DEFAULT_LIMITS,
  isBetter,
  type QuickScore,
  type SearchLimits,
  searchRuns,
} from '../analysis/index.ts';
import type { Catalogue, Choice, Scenario } from '../scenario/index.ts';
import { replayChoices } from './replayChoices.ts';

/** One reply offered at a point of the learner's run, with the best score any run starting with it can reach. */
export interface OfferedReply {
  readonly choice: Choice;
  /** Best continuation after the learner's earlier replies and then this one; null if no complete run was found. */
  readonly best: QuickScore | null;
}

/** One point of the learner's run where they chose a reply. */
export interface ForkReview {
  /** 0-based position of the reply in the run. */
  readonly position: number;
  readonly node: string;
  /** More than one reply was offered. */
  readonly fork: boolean;
  readonly chosen: Choice;
  readonly offered: readonly OfferedReply[];
  /** The offered reply that starts the best-scoring continuation (the first in file order on a tie). */
  readonly best: Choice | null;
  /** True when the learner's reply could still reach as good a result as the best one. */
  readonly chosenIsBest: boolean;
}

export interface ReplyReview {
  readonly forks: readonly ForkReview[];
  /** False when the analysis hit its limits, so "best" is the best among the runs explored. */
  readonly exhaustive: boolean;
}

/**
 * For each reply of a run, the reply that starts the best-scoring
 * continuation from where the learner stood, for one model. One pass of the
 * analysis' search: every complete run that shares the learner's first i
 * replies says how well its (i+1)th reply can end.
 */
export function reviewReplies(
  scenario: Scenario,
  catalogue: Catalogue,
  modelId: string,
  choiceIds: readonly string[],
  limits: SearchLimits = DEFAULT_LIMITS,
): ReplyReview {
  const model = catalogue.models.get(modelId);
  if (model === undefined) throw new Error(`unknown model '${modelId}'`);
  const replay = replayChoices(scenario, choiceIds);
  if (!replay.ok)
    throw new Error(`reply '${replay.choiceId}' does not fit '${scenario.id}' at '${replay.node}'`);
  const bests = replay.steps.map(() => new Map<string, QuickScore>());
  const totals = searchRuns(scenario, [model], catalogue, limits, (run) => {
    const score = run.scores[0];
    if (score === undefined) return undefined;
    for (let i = 0; i < run.choices.length && i < bests.length; i++) {
      const candidate = run.choices[i];
      if (candidate === undefined) break;
      const table = bests[i];
      const known = table?.get(candidate.id);
      if (known === undefined || isBetter(score, known)) table?.set(candidate.id, score);
      if (candidate.id !== choiceIds[i]) break;
    }
    return undefined;
  });
  const forks = replay.steps.map((step, position): ForkReview => {
    const table = bests[position] ?? new Map<string, QuickScore>();
    const offered = step.offered.map((choice) => ({ choice, best: table.get(choice.id) ?? null }));
    let best: OfferedReply | null = null;
    for (const reply of offered) {
      if (reply.best !== null && (best?.best == null || isBetter(reply.best, best.best))) best = reply;
    }
    const chosenBest = table.get(step.choice.id) ?? null;
    const chosenIsBest =
      best === null || best.best === null || (chosenBest !== null && !isBetter(best.best, chosenBest));
    return {
      position,
      node: step.node,
      fork: step.offered.length > 1,
      chosen: step.choice,
      offered,
      best: best?.choice ?? null,
      chosenIsBest,
    };
  });
  return { forks, exhaustive: totals.truncated === 'none' };
}

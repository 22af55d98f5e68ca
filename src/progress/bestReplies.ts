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
  /**
   * The offered reply that starts the best-scoring continuation; on a tie, one
   * without a fault, then the first in file order.
   */
  readonly best: Choice | null;
  /**
   * True when the learner's reply is one of the best here: no offered reply
   * reaches a better result, and, if the learner's reply has a fault, no
   * offered reply without one reaches as good a result.
   */
  readonly chosenIsBest: boolean;
  /** The learner's reply has a fault (so the debrief never praises it beside the fault). */
  readonly chosenHasFault: boolean;
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
  const faulty = (choice: Choice): boolean =>
    choice.acts.some(({ act }) => catalogue.acts.get(act)?.fault === true);
  const forks = replay.steps.map((step, position): ForkReview => {
    const table = bests[position] ?? new Map<string, QuickScore>();
    const offered = step.offered.map((choice) => ({ choice, best: table.get(choice.id) ?? null }));
    const best = bestOffered(offered, faulty);
    const chosenBest = table.get(step.choice.id) ?? null;
    const chosenHasFault = faulty(step.choice);
    const chosenIsBest = isOneOfTheBest(chosenBest, chosenHasFault, offered, faulty);
    return {
      position,
      node: step.node,
      fork: step.offered.length > 1,
      chosen: step.choice,
      offered,
      best: best?.choice ?? null,
      chosenIsBest,
      chosenHasFault,
    };
  });
  return { forks, exhaustive: totals.truncated === 'none' };
}

/** The offered reply with the best continuation; on a tie one without a fault wins, then file order. */
function bestOffered(
  offered: readonly OfferedReply[],
  faulty: (choice: Choice) => boolean,
): OfferedReply | null {
  let best: OfferedReply | null = null;
  for (const reply of offered) {
    if (reply.best === null) continue;
    if (best?.best == null || isBetter(reply.best, best.best)) best = reply;
    else if (!isBetter(best.best, reply.best) && faulty(best.choice) && !faulty(reply.choice)) best = reply;
  }
  return best;
}

/**
 * Scoring v2's verdict on the learner's reply. Never "one of the best" while
 * an offered reply reaches a better result; and a reply with a fault is not
 * one of the best if an offered reply without a fault reaches a result at
 * least as good (the debrief would otherwise praise a reply it names as a
 * fault). When nothing offered can finish, there is nothing better to show.
 */
function isOneOfTheBest(
  chosen: QuickScore | null,
  chosenHasFault: boolean,
  offered: readonly OfferedReply[],
  faulty: (choice: Choice) => boolean,
): boolean {
  const reachable = offered.filter((reply) => reply.best !== null);
  if (reachable.length === 0) return true;
  if (chosen === null) return false;
  for (const reply of reachable) {
    if (reply.best === null) continue;
    if (isBetter(reply.best, chosen)) return false;
    if (chosenHasFault && !faulty(reply.choice) && !isBetter(chosen, reply.best)) return false;
  }
  return true;
}

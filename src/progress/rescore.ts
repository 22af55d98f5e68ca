import type { Run } from '../engine/index.ts';
import type { Catalogue, Scenario } from '../scenario/index.ts';
import { scoreAllModels } from '../scoring/index.ts';
import { scenarioFingerprint } from './fingerprint.ts';
import { modelResults } from './modelResults.ts';
import { replayChoices } from './replayChoices.ts';
import { type Attempt, type EarlierScore, SCORING_RULES } from './schema.ts';

/**
 * Which rules an attempt's marks, as they stand, come from:
 * - `current`: scored by the current rules when it was played;
 * - `rescored`: first scored by the earlier rules, since rescored by the current ones (`earlier` keeps what it showed);
 * - `earlier`: scored by the earlier rules, and its run no longer replays, so its marks stay as they were.
 */
export type ScoredUnder = 'current' | 'rescored' | 'earlier';

export function scoredUnder(attempt: Attempt): ScoredUnder {
  if (attempt.scoring < SCORING_RULES) return 'earlier';
  return attempt.earlier === null ? 'current' : 'rescored';
}

/** What a rescored attempt first showed, when its band or percent has changed since (else null: nothing to tell). */
export function shownDifferently(attempt: Attempt): EarlierScore | null {
  const { earlier } = attempt;
  if (earlier === null) return null;
  return earlier.band !== attempt.band || earlier.percent !== attempt.percent ? earlier : null;
}

/** Why an attempt under the earlier rules keeps its marks. */
export type KeptReason =
  | 'scenario-missing'
  | 'model-missing'
  | 'scenario-changed'
  | 'reply-missing'
  | 'not-finished';

export type Rescore =
  | { readonly kind: 'current' }
  | { readonly kind: 'rescored'; readonly attempt: Attempt }
  | { readonly kind: 'kept'; readonly reason: KeptReason };

/**
 * An attempt under the earlier rules, rescored by the current ones when its
 * run is provably the same conversation: the scenario has the same
 * fingerprint as when it was played (same lines, replies, acts, moods and
 * targets), and its replies replay from the start, each offered where it was
 * given, to the ending it reached. Then only the rules differ, and scoring
 * the run again is what the learner would get by playing it today. Every
 * model is scored, as when an attempt is built; what it first showed is kept
 * in `earlier`. `updatedAt` is left alone: rescoring is not the learner's
 * edit, so an import never prefers it over a reflection written later.
 */
export function rescoreAttempt(
  attempt: Attempt,
  scenario: Scenario | undefined,
  catalogue: Catalogue,
  now: string,
  fingerprint: string | undefined = scenario === undefined ? undefined : scenarioFingerprint(scenario),
): Rescore {
  if (attempt.scoring >= SCORING_RULES) return { kind: 'current' };
  if (scenario === undefined || scenario.id !== attempt.scenarioId)
    return { kind: 'kept', reason: 'scenario-missing' };
  if (!catalogue.models.has(attempt.model)) return { kind: 'kept', reason: 'model-missing' };
  // Schema 1 attempts have no fingerprint (''): they never match, so they are never rescored.
  if (attempt.fingerprint !== fingerprint) return { kind: 'kept', reason: 'scenario-changed' };
  const run = replayedRun(scenario, attempt);
  if (run === null) return { kind: 'kept', reason: 'reply-missing' };
  if (run.ending === null) return { kind: 'kept', reason: 'not-finished' };
  const scores = scoreAllModels(scenario, run, catalogue);
  const own = scores.find((score) => score.model === attempt.model);
  if (own === undefined) return { kind: 'kept', reason: 'model-missing' };
  return {
    kind: 'rescored',
    attempt: {
      ...attempt,
      ending: { node: run.ending.node, outcome: run.ending.outcome },
      band: own.score.band,
      percent: own.score.percent,
      results: modelResults(scores),
      kpis: { ...own.kpis },
      marking: own.marking.map((point) => ({ ...point })),
      scoring: SCORING_RULES,
      earlier: {
        scoring: attempt.scoring,
        band: attempt.band,
        percent: attempt.percent,
        results: attempt.results,
        kpis: attempt.kpis,
        marking: attempt.marking,
        rescoredAt: now,
      },
    },
  };
}

/** The attempt's run replayed on the scenario, or null when a reply no longer fits or the ending differs. */
function replayedRun(scenario: Scenario, attempt: Attempt): Run | null {
  const replay = replayChoices(scenario, attempt.choices);
  if (!replay.ok) return null;
  const end = scenario.nodes.get(replay.node);
  const ending = end?.kind === 'end' ? { node: end.id, outcome: end.end } : null;
  // Defensive: with the same fingerprint the same replies reach the same ending.
  if (attempt.ending !== null && (ending === null || attempt.ending.node !== ending.node)) return null;
  return {
    choices: replay.steps.map((step) => step.choice),
    path: [...replay.steps.map((step) => step.node), replay.node],
    ending,
  };
}

export interface RescoredAttempts {
  /** Every attempt, rescored where it could be, in the order given. */
  readonly attempts: readonly Attempt[];
  /** The attempts rescored just now: the ones to write back. */
  readonly rescored: readonly Attempt[];
  /** Attempts under the earlier rules that keep their marks, and why. */
  readonly kept: readonly { readonly id: string; readonly reason: KeptReason }[];
}

/**
 * Rescores every attempt under the earlier rules whose run still replays
 * (`rescoreAttempt`), with the library as it is now. Idempotent: an attempt
 * rescored once is under the current rules and is left alone after.
 */
export function rescoreAttempts(
  attempts: readonly Attempt[],
  scenarioFor: (id: string) => Scenario | undefined,
  catalogue: Catalogue,
  now: string,
): RescoredAttempts {
  const prints = new Map<string, string | undefined>();
  const printOf = (scenario: Scenario | undefined): string | undefined => {
    if (scenario === undefined) return undefined;
    if (!prints.has(scenario.id)) prints.set(scenario.id, scenarioFingerprint(scenario));
    return prints.get(scenario.id);
  };
  const rescored: Attempt[] = [];
  const kept: { id: string; reason: KeptReason }[] = [];
  const all = attempts.map((attempt) => {
    if (attempt.scoring >= SCORING_RULES) return attempt;
    const scenario = scenarioFor(attempt.scenarioId);
    const result = rescoreAttempt(attempt, scenario, catalogue, now, printOf(scenario));
    if (result.kind === 'rescored') {
      rescored.push(result.attempt);
      return result.attempt;
    }
    if (result.kind === 'kept') kept.push({ id: attempt.id, reason: result.reason });
    return attempt;
  });
  return { attempts: all, rescored, kept };
}

import type { Run } from '../engine/index.ts';
import type { Catalogue, Scenario } from '../scenario/index.ts';
import { scoreAllModels } from '../scoring/index.ts';
import { modelResults } from './modelResults.ts';
import { type Attempt, type SavedRun, SCORING_RULES } from './schema.ts';

/**
 * A finished attempt from the saved run and the finished conversation, scored
 * against every model of the catalogue. Throws if the played model is unknown
 * (a programmer error: the game only plays catalogue models).
 */
export function buildAttempt(
  scenario: Scenario,
  catalogue: Catalogue,
  saved: SavedRun,
  run: Run,
  finishedAt: string,
): Attempt {
  const scores = scoreAllModels(scenario, run, catalogue);
  const own = scores.find((score) => score.model === saved.model);
  if (own === undefined) throw new Error(`model '${saved.model}' is not in the catalogue`);
  return {
    id: saved.id,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    fingerprint: saved.fingerprint,
    model: saved.model,
    mode: saved.mode,
    startedAt: saved.startedAt,
    finishedAt,
    updatedAt: finishedAt,
    choices: run.choices.map((choice) => choice.id),
    ending: run.ending === null ? null : { node: run.ending.node, outcome: run.ending.outcome },
    band: own.score.band,
    percent: own.score.percent,
    results: modelResults(scores),
    kpis: { ...own.kpis },
    marking: own.marking.map((point) => ({ ...point })),
    scoring: SCORING_RULES,
    earlier: null,
    hints: [...saved.hints],
    selfAssessment: null,
    reflection: null,
    parentId: saved.parentId,
    forkAt: saved.forkAt,
    seed: saved.seed,
    // "Say it your way": only a run that used it has the field, so other records are unchanged.
    ...(saved.said === undefined ? {} : { said: saved.said.map((entry) => ({ ...entry })) }),
    // Rehearse aloud's self-marks travel with the run into its attempt (absent, not empty, when never used).
    ...(saved.rehearsed === undefined ? {} : { rehearsed: saved.rehearsed.map((mark) => ({ ...mark })) }),
  };
}

/** A new run of a scenario, before the first reply; `seed` shuffles its replies on screen (the game draws it at random). */
export function startRun(
  id: string,
  scenario: Scenario,
  fingerprint: string,
  model: string,
  mode: SavedRun['mode'],
  now: string,
  seed: number,
): SavedRun {
  return {
    id,
    scenarioId: scenario.id,
    fingerprint,
    model,
    mode,
    choices: [],
    startedAt: now,
    updatedAt: now,
    hints: [],
    parentId: null,
    forkAt: null,
    seed,
  };
}

/**
 * "Try again from here": a new run that starts with the attempt's replies
 * before `position` (0-based) and then lets the learner choose again. The
 * original attempt is kept; the new one points back at it. It keeps the
 * attempt's seed, so the replayed turns, and the turn tried again, show the
 * replies in the order the learner saw them the first time.
 */
export function branchFrom(attempt: Attempt, position: number, id: string, now: string): SavedRun {
  const at = Math.max(0, Math.min(position, attempt.choices.length));
  return {
    id,
    scenarioId: attempt.scenarioId,
    fingerprint: attempt.fingerprint,
    model: attempt.model,
    mode: attempt.mode,
    choices: attempt.choices.slice(0, at),
    startedAt: now,
    updatedAt: now,
    hints: attempt.hints.filter((hint) => hint.at < at),
    parentId: attempt.id,
    forkAt: at,
    seed: attempt.seed,
    ...(attempt.said === undefined ? {} : { said: attempt.said.filter((entry) => entry.at < at) }),
    // The self-marks of the turns replayed stay with them; the turn tried again starts unmarked.
    ...(attempt.rehearsed === undefined
      ? {}
      : { rehearsed: attempt.rehearsed.filter((mark) => mark.at < at).map((mark) => ({ ...mark })) }),
  };
}

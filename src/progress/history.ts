import { type ScoredUnder, scoredUnder } from './rescore.ts';
import type { Attempt, Band, ModelResult } from './schema.ts';

/** One attempt on the percent-over-attempts chart. */
export interface HistoryPoint {
  readonly attemptId: string;
  readonly date: string;
  readonly percent: number;
  readonly band: Band;
  readonly mode: Attempt['mode'];
  /** Which rules its percent comes from: a chart marks the ones still under the earlier rules. */
  readonly scoring: ScoredUnder;
}

/** One model step over the attempts: marks per attempt (null where that attempt's model had no such step). */
export interface StepSeries {
  readonly id: string;
  readonly name: string;
  readonly max: number;
  readonly marks: readonly (number | null)[];
  /** Attempts in which the step was not performed at all. */
  readonly missed: number;
  /** Marks lost on this step over all attempts. */
  readonly lost: number;
}

export interface History {
  readonly scenarioId: string;
  readonly model: string;
  /** The attempts played under this model, oldest first. */
  readonly attempts: readonly Attempt[];
  readonly points: readonly HistoryPoint[];
  readonly steps: readonly StepSeries[];
  /** The step missed in most attempts (then the one losing most marks); null when nothing was ever lost. */
  readonly mostMissed: StepSeries | null;
  readonly bestPercent: number | null;
}

/** The result for `model` within an attempt, if it was scored against it. */
export function resultFor(attempt: Attempt, model: string): ModelResult | undefined {
  return attempt.results.find((result) => result.model === model);
}

/** Every attempt at one scenario played under one model: percent over time, each step's marks, the weakest step. */
export function historyFor(attempts: readonly Attempt[], scenarioId: string, model: string): History {
  const mine = attempts
    .filter((a) => a.scenarioId === scenarioId && a.model === model)
    .sort((a, b) => (a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0));
  const points = mine.map((a) => ({
    attemptId: a.id,
    date: a.finishedAt,
    percent: a.percent,
    band: a.band,
    mode: a.mode,
    scoring: scoredUnder(a),
  }));
  const names = new Map<string, { name: string; max: number }>();
  for (const attempt of mine) {
    for (const step of resultFor(attempt, model)?.steps ?? [])
      names.set(step.id, { name: step.name, max: step.max });
  }
  const steps: StepSeries[] = [...names].map(([id, { name, max }]) => {
    const marks = mine.map((a) => resultFor(a, model)?.steps.find((s) => s.id === id)?.marks ?? null);
    const performed = mine.map((a) => resultFor(a, model)?.steps.find((s) => s.id === id)?.performed ?? null);
    return {
      id,
      name,
      max,
      marks,
      missed: performed.filter((p) => p === 0).length,
      lost: marks.reduce<number>((sum, m) => sum + (m === null ? 0 : max - m), 0),
    };
  });
  let mostMissed: StepSeries | null = null;
  for (const step of steps) {
    if (step.missed === 0 && step.lost === 0) continue;
    if (
      mostMissed === null ||
      step.missed > mostMissed.missed ||
      (step.missed === mostMissed.missed && step.lost > mostMissed.lost)
    )
      mostMissed = step;
  }
  return {
    scenarioId,
    model,
    attempts: mine,
    points,
    steps,
    mostMissed,
    bestPercent: mine.length === 0 ? null : Math.max(...mine.map((a) => a.percent)),
  };
}

/** The scenario and model pairs that have attempts, most recently played first. */
export function playedPairs(
  attempts: readonly Attempt[],
): { scenarioId: string; scenarioTitle: string; model: string; count: number; last: string }[] {
  const pairs = new Map<
    string,
    { scenarioId: string; scenarioTitle: string; model: string; count: number; last: string }
  >();
  for (const a of attempts) {
    const key = JSON.stringify([a.scenarioId, a.model]);
    const known = pairs.get(key);
    if (known === undefined)
      pairs.set(key, {
        scenarioId: a.scenarioId,
        scenarioTitle: a.scenarioTitle,
        model: a.model,
        count: 1,
        last: a.finishedAt,
      });
    else {
      known.count++;
      if (a.finishedAt > known.last) {
        known.last = a.finishedAt;
        known.scenarioTitle = a.scenarioTitle;
      }
    }
  }
  return [...pairs.values()].sort((a, b) => (a.last > b.last ? -1 : a.last < b.last ? 1 : 0));
}

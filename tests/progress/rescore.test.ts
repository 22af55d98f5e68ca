import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Attempt,
  AttemptSchema,
  emptyStore,
  exportStore,
  importStore,
  type LimitId,
  migrate,
  rescoreAttempt,
  rescoreAttempts,
  SCHEMA_VERSION,
  type Store,
  scoredUnder,
  shownDifferently,
} from '../../src/progress/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import type { LimitId as ScoringLimitId } from '../../src/scoring/index.ts';
import { BEST, catalogue, FIRSTS, kettle, playAttempt, RUSHED, savedUnderEarlierRules } from './fixtures.ts';

const NOW = '2026-12-03T12:00:00.000Z';

/** The kettle as a tutor might edit it after the attempts were played: one reply's mood changed. */
function editedKettle(): Scenario {
  const nodes = new Map(kettle.nodes);
  const opening = nodes.get('opening');
  if (opening?.kind !== 'choices') throw new Error('fixture');
  const [first, ...rest] = opening.choices;
  if (first === undefined) throw new Error('fixture');
  nodes.set('opening', { ...opening, choices: [{ ...first, mood: first.mood + 5 }, ...rest] });
  return { ...kettle, nodes };
}

/** Today's play of the same replies, and the record schema 2 kept of it when the earlier rules gave a Distinction. */
const today = playAttempt('firsts', FIRSTS, { day: 1 });
const reflected = {
  ...today,
  updatedAt: '2026-11-02T09:00:00.000Z',
  reflection: { wentWell: 'Calm', evenBetterIf: 'Listen first', plan: 'p', do: 'd', check: 'c', act: 'a' },
};
const v2Store = (attempts: Attempt[]) => ({
  schemaVersion: 2,
  attempts: attempts.map((a) => savedUnderEarlierRules(a, { band: 'Distinction', percent: 100 })),
  run: null,
  learnerName: 'Sam',
});

/** Reads a schema 2 store the way the game does: migrated first. */
function readV2(attempts: Attempt[]): Attempt[] {
  const read = migrate(JSON.parse(JSON.stringify(v2Store(attempts))));
  expect(read.status).toBe('migrated');
  return [...read.store.attempts];
}

describe('rescoring an attempt scored by the earlier rules', () => {
  it('stores the contract’s limit ids', () => {
    expectTypeOf<LimitId>().toEqualTypeOf<ScoringLimitId>();
  });

  it('rescores 1,1,1,1,1 from Distinction to Merit 87.5% with the fault limit, and keeps what it first showed', () => {
    const [old] = readV2([reflected]);
    if (old === undefined) throw new Error('fixture');
    expect(scoredUnder(old)).toBe('earlier');
    const result = rescoreAttempt(old, kettle, catalogue, NOW);
    if (result.kind !== 'rescored') throw new Error(`not rescored: ${JSON.stringify(result)}`);
    const { attempt } = result;
    expect(attempt).toMatchObject({ band: 'Merit', percent: 87.5, scoring: 2 });
    expect(attempt.results.find((r) => r.model === 'LASS')?.limits).toEqual(['fault']);
    expect(attempt.earlier).toMatchObject({ scoring: 1, band: 'Distinction', percent: 100, rescoredAt: NOW });
    expect(attempt.earlier?.results).toEqual(old.results);
    expect(scoredUnder(attempt)).toBe('rescored');
    expect(shownDifferently(attempt)).toMatchObject({ band: 'Distinction', percent: 100 });
  });

  it('scores every model as a game played today would, and changes nothing the learner wrote', () => {
    const [old] = readV2([reflected]);
    if (old === undefined) throw new Error('fixture');
    const result = rescoreAttempt(old, kettle, catalogue, NOW);
    if (result.kind !== 'rescored') throw new Error('not rescored');
    const { earlier, ...rescored } = result.attempt;
    const { earlier: _none, ...played } = reflected;
    expect(rescored).toEqual(played);
    expect(AttemptSchema.safeParse(result.attempt).success).toBe(true);
  });

  it('rescores once: a second pass leaves every attempt as it is', () => {
    const first = rescoreAttempts(
      readV2([reflected]),
      (id) => (id === kettle.id ? kettle : undefined),
      catalogue,
      NOW,
    );
    expect(first.rescored.map((a) => a.id)).toEqual(['firsts']);
    const again = rescoreAttempts(first.attempts, () => kettle, catalogue, '2027-01-01T00:00:00.000Z');
    expect(again.rescored).toEqual([]);
    expect(again.attempts[0]).toBe(first.attempts[0]);
  });

  it('marks a rescored attempt whose marks did not change, but has nothing to tell the learner', () => {
    const best = playAttempt('best', BEST, { day: 2 });
    const [old] = migrate(
      JSON.parse(
        JSON.stringify({
          ...v2Store([]),
          attempts: [savedUnderEarlierRules(best, { band: 'Distinction', percent: 100 })],
        }),
      ),
    ).store.attempts;
    if (old === undefined) throw new Error('fixture');
    const result = rescoreAttempt(old, kettle, catalogue, NOW);
    if (result.kind !== 'rescored') throw new Error('not rescored');
    expect(result.attempt).toMatchObject({
      band: 'Distinction',
      percent: 100,
      earlier: { band: 'Distinction' },
    });
    expect(shownDifferently(result.attempt)).toBeNull();
  });

  it('keeps the marks of an attempt on a changed scenario, labelled as under the earlier rules', () => {
    const [old] = readV2([reflected]);
    if (old === undefined) throw new Error('fixture');
    const changed = editedKettle();
    expect(rescoreAttempt(old, changed, catalogue, NOW)).toEqual({
      kind: 'kept',
      reason: 'scenario-changed',
    });
    const pass = rescoreAttempts([old], () => changed, catalogue, NOW);
    expect(pass.rescored).toEqual([]);
    expect(pass.kept).toEqual([{ id: 'firsts', reason: 'scenario-changed' }]);
    expect(pass.attempts[0]).toBe(old);
    expect(old).toMatchObject({ band: 'Distinction', percent: 100, scoring: 1, earlier: null });
    expect(scoredUnder(old)).toBe('earlier');
  });

  it('keeps the marks when the scenario or the model is gone, or a reply no longer fits', () => {
    const [old] = readV2([reflected]);
    if (old === undefined) throw new Error('fixture');
    expect(rescoreAttempt(old, undefined, catalogue, NOW)).toEqual({
      kind: 'kept',
      reason: 'scenario-missing',
    });
    const noLass = { ...catalogue, models: new Map([...catalogue.models].filter(([id]) => id !== 'LASS')) };
    expect(rescoreAttempt(old, kettle, noLass, NOW)).toEqual({ kind: 'kept', reason: 'model-missing' });
    const skipped = { ...old, choices: ['opening.1', 'details.1'] };
    expect(rescoreAttempt(skipped, kettle, catalogue, NOW)).toEqual({
      kind: 'kept',
      reason: 'reply-missing',
    });
  });

  it('never rescores a version 1 attempt: it kept no fingerprint, so its scenario cannot be shown unchanged', () => {
    const v1 = {
      schemaVersion: 1,
      attempts: [
        {
          id: 'old-1',
          date: '2026-10-01T12:00:00.000Z',
          scenarioId: 'faulty-kettle',
          model: 'LASS',
          mode: 'practice',
          choices: FIRSTS,
          band: 'Distinction',
          percent: 100,
          steps: [{ id: 'listen', name: 'Listen', marks: 2, max: 2 }],
        },
      ],
    };
    const [old] = migrate(v1).store.attempts;
    if (old === undefined) throw new Error('fixture');
    expect(old).toMatchObject({ scoring: 1, earlier: null, results: [{ limits: null }] });
    expect(rescoreAttempt(old, kettle, catalogue, NOW)).toEqual({ kind: 'kept', reason: 'scenario-changed' });
  });

  it('leaves an attempt scored by the current rules alone', () => {
    const current = playAttempt('now', RUSHED);
    expect(current.scoring).toBe(2);
    expect(current.results.every((r) => Array.isArray(r.limits))).toBe(true);
    expect(scoredUnder(current)).toBe('current');
    expect(rescoreAttempt(current, kettle, catalogue, NOW)).toEqual({ kind: 'current' });
  });
});

describe('attempt records and their scoring rules', () => {
  const current = playAttempt('a1', BEST);

  it('refuses a record whose rules and limits disagree, or rules this build does not know', () => {
    const noLimits = { ...current, results: current.results.map((r) => ({ ...r, limits: null })) };
    const earlierButRescored = {
      ...current,
      scoring: 1,
      results: noLimits.results,
      earlier: {
        scoring: 1,
        band: 'Merit',
        percent: 70,
        results: noLimits.results,
        kpis: null,
        marking: [],
        rescoredAt: NOW,
      },
    };
    for (const bad of [
      noLimits,
      earlierButRescored,
      { ...current, scoring: 3 },
      { ...current, scoring: 0 },
    ]) {
      expect(AttemptSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('a store scored by the earlier rules, through export and import', () => {
  const scenarioFor = (id: string) => (id === kettle.id ? kettle : undefined);
  const stale = { ...playAttempt('stale', RUSHED, { day: 3 }), fingerprint: 'fnv1a32:00000000' };

  it('round-trips as it was read, before any rescoring', () => {
    const store: Store = { ...emptyStore(), attempts: readV2([reflected, stale]) };
    const back = importStore(emptyStore(), exportStore(store, NOW));
    expect(back.refused).toBe(false);
    expect(back.store.attempts).toEqual(store.attempts);
  });

  it('round-trips after rescoring: the rescored attempt keeps what it first showed, the other its label', () => {
    const rescored = rescoreAttempts(readV2([reflected, stale]), scenarioFor, catalogue, NOW);
    expect(rescored.rescored.map((a) => a.id)).toEqual(['firsts']);
    const store: Store = { ...emptyStore(), attempts: rescored.attempts };
    const text = exportStore(store, NOW);
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: SCHEMA_VERSION });
    const back = importStore(emptyStore(), text).store.attempts;
    expect(back).toEqual(store.attempts);
    expect(back.map(scoredUnder)).toEqual(['rescored', 'earlier']);
    expect(back.find((a) => a.id === 'firsts')?.earlier?.band).toBe('Distinction');
    expect(back.find((a) => a.id === 'stale')).toMatchObject({
      band: 'Distinction',
      percent: 100,
      scoring: 1,
    });
  });

  it('imports a schema 2 export and rescores it like a stored one', () => {
    const here = importStore(emptyStore(), JSON.stringify(v2Store([reflected, stale]))).store;
    const pass = rescoreAttempts(here.attempts, scenarioFor, catalogue, NOW);
    expect(pass.attempts.map((a) => [a.id, a.band, a.percent])).toEqual([
      ['firsts', 'Merit', 87.5],
      ['stale', 'Distinction', 100],
    ]);
  });
});

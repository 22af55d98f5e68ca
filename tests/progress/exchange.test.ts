import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Attempt,
  AttemptSchema,
  emptyStore,
  exportStore,
  importStore,
  migrate,
  SCHEMA_VERSION,
  type Store,
  withAttempt,
} from '../../src/progress/index.ts';
import { BEST, BLAMED, playAttempt, RUSHED } from './fixtures.ts';

const a1 = playAttempt('a1', BEST, { day: 1 });
const a2 = playAttempt('a2', RUSHED, { day: 2 });
const a3 = playAttempt('a3', BLAMED, { day: 3 });
const store = (attempts: Attempt[]): Store => ({ ...emptyStore(), attempts });

describe('export and import', () => {
  it('round-trips the whole history', () => {
    const mine: Store = { ...store([a1, a2]), learnerName: 'Priya' };
    const text = exportStore(mine, '2026-11-23T12:00:00.000Z');
    expect(JSON.parse(text)).toMatchObject({
      app: 'complaint-handling-simulator',
      schemaVersion: SCHEMA_VERSION,
    });
    const result = importStore(emptyStore(), text);
    expect(result.refused).toBe(false);
    expect(result.added).toEqual(['a1', 'a2']);
    expect(result.store.attempts).toEqual(mine.attempts);
    expect(result.store.learnerName).toBe('Priya');
  });

  it('merges by attempt id: adds new ones, keeps those already here', () => {
    const here = store([a1, a2]);
    const result = importStore(here, exportStore(store([a2, a3]), '2026-11-23T12:00:00.000Z'));
    expect(result.added).toEqual(['a3']);
    expect(result.unchanged).toBe(1);
    expect(result.store.attempts.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('takes a newer edit of an attempt, never an older one', () => {
    const reflected = {
      ...a1,
      updatedAt: '2026-12-01T00:00:00.000Z',
      reflection: { wentWell: 'Calm', evenBetterIf: 'Thank her', plan: 'p', do: 'd', check: 'c', act: 'a' },
    };
    const newer = importStore(store([a1]), exportStore(store([reflected]), 'x'));
    expect(newer.updated).toEqual(['a1']);
    expect(newer.store.attempts[0]?.reflection?.wentWell).toBe('Calm');
    const older = importStore(store([reflected]), exportStore(store([a1]), 'x'));
    expect(older.updated).toEqual([]);
    expect(older.store.attempts[0]?.reflection?.wentWell).toBe('Calm');
  });

  it('never overwrites good data with a damaged record of the same id', () => {
    const damaged = JSON.stringify({
      schemaVersion: SCHEMA_VERSION,
      attempts: [{ ...a1, updatedAt: '2099-01-01T00:00:00.000Z', percent: -5 }, a3],
    });
    const result = importStore(store([a1]), damaged);
    expect(result.store.attempts.find((a) => a.id === 'a1')).toEqual(a1);
    expect(result.added).toEqual(['a3']);
    expect(result.warnings.some((w) => w.code === 'bad-record')).toBe(true);
  });

  it('refuses a file from a newer version, or one that is not an export, and changes nothing', () => {
    const here = store([a1]);
    for (const text of [
      JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, attempts: [a2] }),
      'not json',
      '{"hello":1}',
      '',
    ]) {
      const result = importStore(here, text);
      expect(result.refused).toBe(true);
      expect(result.store).toBe(here);
      expect(result.warnings.length).toBeGreaterThan(0);
    }
  });

  it('does not import a run in progress, and keeps the one here', () => {
    const run = {
      id: 'r',
      scenarioId: 'faulty-kettle',
      fingerprint: '',
      model: 'LASS',
      mode: 'practice' as const,
      choices: [],
      startedAt: a1.startedAt,
      updatedAt: a1.startedAt,
      hints: [],
      parentId: null,
      forkAt: null,
      seed: 7,
    };
    const here: Store = { ...store([]), run };
    const result = importStore(here, exportStore(store([a1]), 'x'));
    expect(result.store.run).toEqual(run);
  });

  it('withAttempt replaces by id and keeps date order', () => {
    const s = withAttempt(withAttempt(store([a2]), a1), { ...a2, band: 'Merit' });
    expect(s.attempts.map((a) => [a.id, a.band])).toEqual([
      ['a1', a1.band],
      ['a2', 'Merit'],
    ]);
  });
});

// A busy 2-core machine runs these in a few seconds; give them room.
describe('properties (fast-check, fixed seed)', { timeout: 30_000 }, () => {
  const settings = { seed: 20261123, numRuns: 100 };
  const valid = [a1, a2, a3];
  const validArb = fc
    .tuple(fc.constantFrom(...valid), fc.uuid(), fc.integer({ min: 0, max: 100 }))
    .map(([base, id, percent]) => AttemptSchema.parse({ ...base, id, percent }));

  it('migrate never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (raw) => {
        expect(() => migrate(raw)).not.toThrow();
        const version = fc.sample(fc.integer({ min: -2, max: 4 }), { seed: 1, numRuns: 1 })[0];
        expect(() => migrate({ schemaVersion: version, attempts: raw, run: raw })).not.toThrow();
      }),
      settings,
    );
  });

  it('migrate never drops a valid record, whatever junk sits around it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(validArb, { selector: (a) => a.id, maxLength: 6 }),
        fc.array(fc.oneof(fc.jsonValue(), fc.record({ id: fc.string(), percent: fc.anything() })), {
          maxLength: 6,
        }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (goods, junk, order) => {
          const mixed: unknown[] = [...goods];
          for (const [i, j] of junk.entries()) mixed.splice((order[i] ?? 0) % (mixed.length + 1), 0, j);
          const doc = { schemaVersion: SCHEMA_VERSION, attempts: mixed, extra: junk };
          for (const input of [doc, JSON.parse(JSON.stringify(doc)), JSON.stringify(doc)]) {
            const kept = new Map(migrate(input).store.attempts.map((a) => [a.id, a]));
            for (const good of goods) expect(kept.get(good.id)).toEqual(good);
          }
        },
      ),
      settings,
    );
  });

  it('a cut-off export never yields an invalid record, and keeps every record before the cut', () => {
    const text = exportStore(store(valid), 'x');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        const result = migrate(text.slice(0, cut));
        for (const a of result.store.attempts) expect(AttemptSchema.safeParse(a).success).toBe(true);
        const complete = valid.filter((a) => {
          const end = text.indexOf(`"forkAt": null`, text.indexOf(`"id": "${a.id}"`));
          return end >= 0 && text.indexOf('}', end) < cut;
        });
        for (const a of complete) expect(result.store.attempts.map((x) => x.id)).toContain(a.id);
      }),
      settings,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { seedFromText } from '../../src/engine/index.ts';
import { emptyStore, migrate, SCHEMA_VERSION } from '../../src/progress/index.ts';
import { BEST, kettlePrint, playAttempt, RUSHED, savedUnderEarlierRules } from './fixtures.ts';

const one = playAttempt('a1', BEST, { day: 1 });
const two = playAttempt('a2', RUSHED, { day: 2 });
const run = {
  id: 'r1',
  scenarioId: 'faulty-kettle',
  fingerprint: kettlePrint,
  model: 'LASS',
  mode: 'practice',
  choices: ['opening.2'],
  startedAt: '2026-11-03T09:00:00.000Z',
  updatedAt: '2026-11-03T09:01:00.000Z',
  hints: [],
  parentId: null,
  forkAt: null,
  seed: 3_141_592_653,
};
const current = { schemaVersion: SCHEMA_VERSION, attempts: [one, two], run, learnerName: 'Sam' };

describe('migrate', () => {
  it('reads the current version as it is', () => {
    const result = migrate(JSON.parse(JSON.stringify(current)));
    expect(result.status).toBe('ok');
    expect(result.warnings).toEqual([]);
    expect(result.store).toEqual(current);
  });

  it('gives a run and an attempt saved before seeds were kept a seed from their id, the same on every load', () => {
    const { seed: _run, ...oldRun } = run;
    const { seed: _attempt, ...oldAttempt } = one;
    const old = { ...current, attempts: [oldAttempt, two], run: oldRun };
    const first = migrate(JSON.parse(JSON.stringify(old)));
    const again = migrate(JSON.stringify(old));
    expect(first.status).toBe('ok');
    expect(first.warnings).toEqual([]);
    expect(first.store.run?.seed).toBe(seedFromText('r1'));
    expect(first.store.attempts[0]?.seed).toBe(seedFromText('a1'));
    expect(again.store).toEqual(first.store);
  });

  it('refuses a seed that is not a 32-bit unsigned integer', () => {
    for (const seed of [-1, 1.5, 2 ** 32, '7']) {
      const result = migrate(JSON.parse(JSON.stringify({ ...current, run: { ...run, seed } })));
      expect(result.store.run).toBeNull();
    }
  });

  it('reads JSON text as well as parsed values', () => {
    expect(migrate(JSON.stringify(current)).store).toEqual(current);
  });

  it('treats nothing saved as an empty store without warnings', () => {
    for (const nothing of [undefined, null, '']) {
      const result = migrate(nothing);
      expect(result.status).toBe('empty');
      expect(result.store).toEqual(emptyStore());
    }
  });

  it('upgrades version 1: one model’s steps become its result, and the unfingerprinted run is kept', () => {
    const v1 = {
      schemaVersion: 1,
      attempts: [
        {
          id: 'old-1',
          date: '2026-10-01T12:00:00.000Z',
          scenarioId: 'faulty-kettle',
          model: 'LASS',
          mode: 'assessment',
          choices: BEST,
          band: 'Distinction',
          percent: 100,
          steps: [
            { id: 'listen', name: 'Listen', marks: 2, max: 2 },
            { id: 'apologise', name: 'Apologise', marks: 2, max: 2 },
            { id: 'solve', name: 'Solve', marks: 1, max: 2 },
            { id: 'thank', name: 'Say thank you', marks: 0, max: 2 },
          ],
        },
      ],
      run: {
        scenarioId: 'faulty-kettle',
        model: 'HEAT',
        mode: 'practice',
        choices: ['opening.2'],
        startedAt: '2026-10-02T12:00:00.000Z',
      },
    };
    const result = migrate(v1);
    expect(result.status).toBe('migrated');
    expect(result.fromVersion).toBe(1);
    expect(result.warnings).toEqual([]);
    const [attempt] = result.store.attempts;
    expect(attempt).toMatchObject({
      id: 'old-1',
      finishedAt: '2026-10-01T12:00:00.000Z',
      band: 'Distinction',
      fingerprint: '',
      selfAssessment: null,
      reflection: null,
      hints: [],
      scoring: 1,
      earlier: null,
    });
    expect(attempt?.results).toEqual([
      {
        model: 'LASS',
        percent: 100,
        band: 'Distinction',
        limits: null,
        steps: [
          { id: 'listen', name: 'Listen', performed: 1, marks: 2, max: 2 },
          { id: 'apologise', name: 'Apologise', performed: 1, marks: 2, max: 2 },
          { id: 'solve', name: 'Solve', performed: 1, marks: 1, max: 2 },
          { id: 'thank', name: 'Say thank you', performed: 0, marks: 0, max: 2 },
        ],
      },
    ]);
    expect(result.store.run).toMatchObject({ model: 'HEAT', choices: ['opening.2'], fingerprint: '' });
    expect(result.store.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('upgrades version 2: every field kept, taken as scored by the earlier rules, limits not known', () => {
    const v2 = {
      ...current,
      schemaVersion: 2,
      attempts: [
        savedUnderEarlierRules(one, { band: 'Distinction', percent: 100 }),
        savedUnderEarlierRules(two, { band: 'Pass', percent: 62.5 }),
      ],
    };
    const result = migrate(JSON.parse(JSON.stringify(v2)));
    expect(result.status).toBe('migrated');
    expect(result.fromVersion).toBe(2);
    expect(result.warnings).toEqual([]);
    expect(result.store.run).toEqual(run);
    expect(result.store.learnerName).toBe('Sam');
    const [a1, a2] = result.store.attempts;
    expect(a1).toEqual({
      ...v2.attempts[0],
      results: one.results.map((r) => ({ ...r, limits: null })),
      scoring: 1,
      earlier: null,
    });
    expect(a2).toMatchObject({ id: 'a2', band: 'Pass', percent: 62.5, scoring: 1, earlier: null });
    expect(a2?.results.find((r) => r.model === 'LASS')).toMatchObject({ band: 'Pass', limits: null });
  });

  it('sets aside a damaged version 2 record and keeps the others', () => {
    const good = savedUnderEarlierRules(one, { band: 'Distinction', percent: 100 });
    const result = migrate({
      ...current,
      schemaVersion: 2,
      attempts: [good, { ...good, id: 'bad', band: 'Gold' }],
    });
    expect(result.status).toBe('salvaged');
    expect(result.store.attempts.map((a) => a.id)).toEqual(['a1']);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['bad-record', 'attempts[1]']]);
  });

  it('refuses a version 3 attempt that says it is under the current rules but lacks its limits', () => {
    const lacking = { ...one, results: one.results.map((r) => ({ ...r, limits: null })) };
    const result = migrate({ ...current, attempts: [lacking, two] });
    expect(result.store.attempts.map((a) => a.id)).toEqual(['a2']);
    expect(result.warnings[0]?.message).toMatch(/Attempt 1 is damaged.*scoring/);
  });

  it('refuses a newer version and keeps nothing of it, so the caller leaves it untouched', () => {
    const result = migrate({ ...current, schemaVersion: SCHEMA_VERSION + 1, somethingNew: [1, 2] });
    expect(result.status).toBe('newer');
    expect(result.store).toEqual(emptyStore());
    expect(result.warnings[0]?.code).toBe('newer-version');
    expect(result.warnings[0]?.message).toMatch(/newer version of the simulator.*left as it was/);
  });

  it('says plainly when the text is not JSON at all', () => {
    const result = migrate('{{{ not json');
    expect(result.status).toBe('unreadable');
    expect(result.store).toEqual(emptyStore());
    expect(result.warnings[0]?.code).toBe('unreadable');
  });

  it('refuses JSON that is not saved progress', () => {
    for (const other of [[1, 2, 3], { hello: 'world' }, 42, { schemaVersion: 'two' }, { schemaVersion: 0 }]) {
      expect(migrate(other).status).toBe('unreadable');
    }
  });

  it('keeps the attempts before the cut when the JSON was cut off part-way', () => {
    const text = JSON.stringify(current);
    const second = text.indexOf('"id":"a2"');
    const cutInSecond = text.indexOf('"steps"', second) + 80;
    const result = migrate(text.slice(0, cutInSecond));
    expect(result.status).toBe('salvaged');
    expect(result.store.attempts.map((a) => a.id)).toEqual(['a1']);
    expect(result.warnings.map((w) => w.code)).toContain('cut-short');
    // The half-written second attempt is reported, not silently dropped.
    expect(result.warnings.some((w) => w.code === 'bad-record' && w.path === 'attempts[1]')).toBe(true);
  });

  it('keeps the records before damage in the middle of the text', () => {
    const text = JSON.stringify({ ...current, run: null, learnerName: null });
    const at = text.indexOf('"id":"a2"');
    const damaged = `${text.slice(0, at)}\u0000\u0000garbage${text.slice(at + 5)}`;
    const result = migrate(damaged);
    expect(result.status).toBe('salvaged');
    expect(result.store.attempts.map((a) => a.id)).toEqual(['a1']);
  });

  it('ignores unknown extra fields and keeps the records', () => {
    const result = migrate({
      ...current,
      futureSetting: true,
      attempts: [{ ...one, colour: 'blue' }, two],
    });
    expect(result.status).toBe('ok');
    expect(result.store.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(result.store.attempts[0]).not.toHaveProperty('colour');
  });

  it('sets aside one record with a wrong type inside and keeps the others', () => {
    const bad = { ...two, id: 'a3', percent: 'ninety' };
    const worse = { ...two, id: 'a4', results: [{ ...two.results[0], steps: [{ id: 'listen', marks: 7 }] }] };
    const result = migrate({ ...current, attempts: [one, bad, 'not even an object', worse, two] });
    expect(result.status).toBe('salvaged');
    expect(result.store.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    const bads = result.warnings.filter((w) => w.code === 'bad-record');
    expect(bads.map((w) => w.path)).toEqual(['attempts[1]', 'attempts[2]', 'attempts[3]']);
    expect(bads[0]?.message).toMatch(/Attempt 2 is damaged.*percent/);
  });

  it('drops a damaged run but keeps every attempt', () => {
    const result = migrate({ ...current, run: { ...run, choices: 'opening.2' } });
    expect(result.store.run).toBeNull();
    expect(result.store.attempts).toHaveLength(2);
    expect(result.warnings.map((w) => w.code)).toEqual(['bad-run']);
  });

  it('keeps the newer edit when an attempt was saved twice', () => {
    const edited = {
      ...one,
      updatedAt: '2026-12-01T00:00:00.000Z',
      reflection: null,
      band: 'Merit' as const,
    };
    const result = migrate({ ...current, attempts: [one, edited, two] });
    expect(result.store.attempts.find((a) => a.id === 'a1')?.band).toBe('Merit');
    expect(result.warnings.map((w) => w.code)).toEqual(['duplicate']);
  });

  it('sorts attempts oldest first', () => {
    expect(migrate({ ...current, attempts: [two, one] }).store.attempts.map((a) => a.id)).toEqual([
      'a1',
      'a2',
    ]);
  });
});

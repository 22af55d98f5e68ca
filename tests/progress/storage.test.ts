import { describe, expect, it } from 'vitest';
import { KEYS, type KeyValueBackend, memoryBackend, ProgressStorage } from '../../src/game/storage/index.ts';
import {
  type Attempt,
  exportStore,
  rescoreAttempts,
  SCHEMA_VERSION,
  startRun,
} from '../../src/progress/index.ts';
import {
  BEST,
  catalogue,
  FIRSTS,
  kettle,
  kettlePrint,
  playAttempt,
  RUSHED,
  savedUnderEarlierRules,
} from './fixtures.ts';

const run = {
  ...startRun('r1', kettle, kettlePrint, 'LASS', 'practice', '2026-11-01T10:00:00.000Z', 42),
  choices: ['opening.2'],
};
const a1 = playAttempt('a1', BEST, { day: 1 });
const a2 = playAttempt('a2', RUSHED, { day: 2 });

/** A memory backend that fails the next `failures` writes with the given error name. */
function flaky(name: string, failures: number) {
  const inner = memoryBackend();
  let left = failures;
  const backend: KeyValueBackend = {
    kind: 'memory',
    readAll: () => inner.readAll(),
    clear: () => inner.clear(),
    async write(batch) {
      if (left > 0) {
        left--;
        throw Object.assign(new Error(name), { name });
      }
      await inner.write(batch);
    },
  };
  return { backend, data: inner.data };
}

describe('ProgressStorage', () => {
  it('starts empty and quiet when nothing was saved', async () => {
    const storage = await ProgressStorage.open(async () => memoryBackend());
    expect(storage.mode).toBe('saving');
    expect(storage.notices).toEqual([]);
    expect(storage.store.attempts).toEqual([]);
  });

  it('saves the run after each reply and gives it back on reopening', async () => {
    const backend = memoryBackend();
    const first = await ProgressStorage.open(async () => backend);
    expect(await first.saveRun(run)).toBe('saved');
    expect(await first.saveRun({ ...run, choices: ['opening.2', 'details.1'] })).toBe('saved');
    const again = await ProgressStorage.open(async () => backend);
    expect(again.store.run?.choices).toEqual(['opening.2', 'details.1']);
    expect(backend.data.get(KEYS.meta)).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it('stores a finished attempt and drops the run in one write', async () => {
    const backend = memoryBackend();
    const storage = await ProgressStorage.open(async () => backend);
    await storage.saveRun(run);
    await storage.finishRun(a1);
    expect(backend.data.has(KEYS.run)).toBe(false);
    expect(backend.data.get(KEYS.attempt('a1'))).toEqual(a1);
    expect((await ProgressStorage.open(async () => backend)).store.attempts).toEqual([a1]);
  });

  it('refuses to write a record that fails its own schema', async () => {
    const backend = memoryBackend();
    const storage = await ProgressStorage.open(async () => backend);
    expect(() => storage.finishRun({ ...a1, percent: 400 })).toThrow();
    expect(backend.data.size).toBe(0);
  });

  it('keeps working in memory, and says so, when the browser refuses storage', async () => {
    const storage = await ProgressStorage.open(async () => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(storage.mode).toBe('memory-only');
    expect(storage.notices.map((n) => n.code)).toEqual(['unavailable']);
    expect(storage.notices[0]?.text).toMatch(/private browsing/);
    expect(await storage.finishRun(a1)).toBe('kept-in-memory');
    expect(storage.store.attempts).toEqual([a1]);
  });

  it('keeps progress in memory when the quota is exceeded, says so, and saves it with the next write', async () => {
    const { backend, data } = flaky('QuotaExceededError', 1);
    const storage = await ProgressStorage.open(async () => backend);
    expect(await storage.finishRun(a1)).toBe('kept-in-memory');
    expect(storage.notices.map((n) => n.code)).toEqual(['quota']);
    expect(storage.unsaved).toBe(true);
    expect(storage.store.attempts).toEqual([a1]);
    expect(data.size).toBe(0);
    expect(await storage.saveRun(run)).toBe('saved');
    expect(data.get(KEYS.attempt('a1'))).toEqual(a1);
    expect(storage.unsaved).toBe(false);
    expect(storage.notices).toEqual([]);
  });

  it('reports any other write failure plainly', async () => {
    const { backend } = flaky('UnknownError', 1);
    const storage = await ProgressStorage.open(async () => backend);
    await storage.saveRun(run);
    expect(storage.notices[0]?.text).toMatch(/could not be saved/);
  });

  it('sets a damaged record aside (not deleted), keeps the rest and tells the learner', async () => {
    const backend = memoryBackend([
      [KEYS.meta, { schemaVersion: SCHEMA_VERSION }],
      [KEYS.attempt('a1'), a1],
      [KEYS.attempt('bad'), { ...a2, id: 'bad', band: 'Excellent' }],
      [KEYS.attempt('a2'), a2],
      [KEYS.run, { nonsense: true }],
    ]);
    const storage = await ProgressStorage.open(async () => backend);
    expect(storage.store.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(storage.store.run).toBeNull();
    expect(storage.notices.map((n) => n.code).sort()).toEqual(['run-damaged', 'salvaged']);
    expect(storage.notices.find((n) => n.code === 'salvaged')?.text).toBe(
      'Some of your saved progress was damaged. 2 attempts were kept; 1 damaged record was set aside (not deleted).',
    );
    expect(backend.data.has(KEYS.attempt('bad'))).toBe(false);
    const aside = [...backend.data.keys()].filter((k) => k.startsWith(KEYS.quarantinePrefix));
    expect(aside).toHaveLength(2);
    expect(aside.some((k) => k.endsWith(':attempt:bad'))).toBe(true);
    // Reopening is clean: the damage was dealt with once.
    expect((await ProgressStorage.open(async () => backend)).notices).toEqual([]);
  });

  it('never writes over data from a newer version', async () => {
    const future: [string, unknown][] = [
      [KEYS.meta, { schemaVersion: SCHEMA_VERSION + 1 }],
      [KEYS.attempt('f1'), { id: 'f1', shape: 'new' }],
    ];
    const backend = memoryBackend(future);
    const storage = await ProgressStorage.open(async () => backend);
    expect(storage.mode).toBe('read-only');
    expect(storage.notices[0]?.code).toBe('newer');
    expect(await storage.saveRun(run)).toBe('kept-in-memory');
    await storage.finishRun(a1);
    expect([...backend.data]).toEqual(future);
  });

  it('migrates version 1 records, keeping a backup of them', async () => {
    const backend = memoryBackend([
      [KEYS.meta, { schemaVersion: 1 }],
      [
        KEYS.attempt('old'),
        {
          id: 'old',
          date: '2026-10-01T12:00:00.000Z',
          scenarioId: 'faulty-kettle',
          model: 'LASS',
          mode: 'practice',
          choices: BEST,
          band: 'Distinction',
          percent: 100,
          steps: [{ id: 'listen', name: 'Listen', marks: 2, max: 2 }],
        },
      ],
    ]);
    const storage = await ProgressStorage.open(async () => backend);
    expect(storage.store.attempts.map((a) => a.id)).toEqual(['old']);
    expect(storage.notices.map((n) => n.code)).toEqual(['migrated']);
    expect(backend.data.get(KEYS.meta)).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect([...backend.data.keys()].some((k) => k.startsWith('backup:v1:'))).toBe(true);
    const reopened = await ProgressStorage.open(async () => backend);
    expect(reopened.notices).toEqual([]);
    expect(reopened.store.attempts[0]?.results[0]?.model).toBe('LASS');
  });

  it('migrates version 2 records with a backup, then rescores what still replays and writes it back once', async () => {
    const replays = savedUnderEarlierRules(playAttempt('replays', FIRSTS, { day: 3 }), {
      band: 'Distinction',
      percent: 100,
    });
    const changed = {
      ...savedUnderEarlierRules(a2, { band: 'Pass', percent: 62.5 }),
      fingerprint: 'fnv1a32:0',
    };
    const backend = memoryBackend([
      [KEYS.meta, { schemaVersion: 2 }],
      [KEYS.attempt('replays'), replays],
      [KEYS.attempt('a2'), changed],
    ]);
    const storage = await ProgressStorage.open(async () => backend);
    expect(storage.notices.map((n) => n.code)).toEqual(['migrated']);
    expect([...backend.data.keys()].some((k) => k.startsWith('backup:v2:'))).toBe(true);
    expect(backend.data.get(KEYS.attempt('replays'))).toMatchObject({ scoring: 1, band: 'Distinction' });
    let calls = 0;
    const rescorer = (attempts: readonly Attempt[]) => {
      calls++;
      return rescoreAttempts(attempts, () => kettle, catalogue, '2026-12-03T12:00:00.000Z').rescored;
    };
    expect(await storage.useRescorer(rescorer)).toBe('saved');
    expect(storage.store.attempts.map((a) => [a.id, a.band, a.percent, a.scoring])).toEqual([
      ['a2', 'Pass', 62.5, 1],
      ['replays', 'Merit', 87.5, 2],
    ]);
    expect(backend.data.get(KEYS.attempt('replays'))).toMatchObject({
      band: 'Merit',
      earlier: { band: 'Distinction', percent: 100 },
    });
    expect(backend.data.get(KEYS.attempt('a2'))).toMatchObject({ band: 'Pass', scoring: 1, earlier: null });

    // Reopened: nothing to migrate, nothing more to rescore, nothing written.
    const writes: unknown[] = [];
    const watched = {
      ...backend,
      write: async (batch: Parameters<typeof backend.write>[0]) => {
        writes.push(batch);
        await backend.write(batch);
      },
    };
    const again = await ProgressStorage.open(async () => watched);
    expect(again.notices).toEqual([]);
    expect(await again.useRescorer(rescorer)).toBe('saved');
    expect(writes).toEqual([]);
    expect(again.store.attempts).toEqual(storage.store.attempts);
    expect(calls).toBe(2);
  });

  it('keeps the stored marks, and starts, when rescoring fails', async () => {
    const old = savedUnderEarlierRules(playAttempt('old', FIRSTS), { band: 'Distinction', percent: 100 });
    const backend = memoryBackend([
      [KEYS.meta, { schemaVersion: 2 }],
      [KEYS.attempt('old'), old],
    ]);
    const storage = await ProgressStorage.open(async () => backend);
    const before = [...backend.data];
    expect(
      await storage.useRescorer(() => {
        throw new Error('a bug');
      }),
    ).toBe('saved');
    expect(storage.store.attempts[0]).toMatchObject({ band: 'Distinction', scoring: 1 });
    expect([...backend.data]).toEqual(before);
  });

  it('rescores an imported attempt that still replays, in the same write as the import', async () => {
    const backend = memoryBackend();
    const storage = await ProgressStorage.open(async () => backend);
    await storage.useRescorer(
      (attempts) => rescoreAttempts(attempts, () => kettle, catalogue, '2026-12-03T12:00:00.000Z').rescored,
    );
    const file = JSON.stringify({
      schemaVersion: 2,
      attempts: [savedUnderEarlierRules(playAttempt('old', FIRSTS), { band: 'Distinction', percent: 100 })],
    });
    const result = await storage.importText(file);
    expect(result.added).toEqual(['old']);
    expect(backend.data.get(KEYS.attempt('old'))).toMatchObject({
      band: 'Merit',
      percent: 87.5,
      scoring: 2,
      earlier: { band: 'Distinction' },
    });
  });

  it('sets everything aside when nothing can be read', async () => {
    const backend = memoryBackend([
      [KEYS.meta, { schemaVersion: 0 }],
      [KEYS.attempt('x'), a1],
    ]);
    const storage = await ProgressStorage.open(async () => backend);
    expect(storage.notices.map((n) => n.code)).toEqual(['unreadable']);
    expect(storage.store.attempts).toEqual([]);
    expect([...backend.data.keys()].filter((k) => k.startsWith(KEYS.quarantinePrefix))).toHaveLength(2);
  });

  it('imports an export file and writes only what it adds', async () => {
    const backend = memoryBackend();
    const storage = await ProgressStorage.open(async () => backend);
    await storage.finishRun(a1);
    const file = exportStore(
      { schemaVersion: SCHEMA_VERSION, attempts: [a1, a2], run: null, learnerName: null },
      'x',
    );
    const result = await storage.importText(file);
    expect(result.added).toEqual(['a2']);
    expect(backend.data.get(KEYS.attempt('a2'))).toEqual(a2);
    expect(storage.store.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('erases all data, including set-aside records, even in read-only mode', async () => {
    const backend = memoryBackend([[KEYS.meta, { schemaVersion: SCHEMA_VERSION + 3 }]]);
    const storage = await ProgressStorage.open(async () => backend);
    expect(storage.mode).toBe('read-only');
    expect(await storage.eraseAll()).toBe(true);
    expect(backend.data.size).toBe(0);
    expect(storage.mode).toBe('saving');
    expect(storage.notices.map((n) => n.code)).toEqual(['erased']);
    await storage.saveLearnerName('  Sam  ');
    expect(backend.data.get(KEYS.profile)).toEqual({ learnerName: 'Sam' });
  });
});

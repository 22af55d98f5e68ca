/**
 * Rehearse aloud's record: the self-marks a run keeps per turn, the attempt
 * it becomes, saved progress (old records without them still load), and
 * "Erase all my data" reaching the recordings' own store.
 */
import { describe, expect, it } from 'vitest';
import { PageProgress } from '../../../src/game/history/PageProgress.ts';
import { memoryRecordings, RecordingStore } from '../../../src/game/rehearse/RecordingStore.ts';
import { memoryBackend, ProgressStorage } from '../../../src/game/storage/index.ts';
import {
  AttemptSchema,
  branchFrom,
  migrate,
  SavedRunSchema,
  SCHEMA_VERSION,
  scenarioFingerprint,
  startRun,
} from '../../../src/progress/index.ts';
import { BEST, playAttempt } from '../../progress/fixtures.ts';
import { kettle, kettleRun, library, NOW } from '../run/support.ts';

describe('LearnerRun.rehearse', () => {
  it('records the ticked steps at this turn, in the model’s order, leaving out steps the model has not got', () => {
    const run = kettleRun({ choices: ['opening.2'] });
    const causes: string[] = [];
    run.subscribe(({ cause }) => causes.push(cause));
    const mark = run.rehearse({ steps: ['solve', 'apologise', 'not-a-step'], recorded: true });
    expect(mark).toEqual({ at: 1, node: run.view().node.id, steps: ['apologise', 'solve'], recorded: true });
    expect(run.saved.rehearsed).toEqual([mark]);
    expect(run.rehearsedHere()).toEqual(mark);
    expect(causes).toEqual(['rehearse']);
    // The conversation is as it was: no reply chosen, none undone.
    expect(run.saved.choices).toEqual(['opening.2']);
  });

  it('keeps one set of marks per turn: ticking again replaces it, another turn adds one', () => {
    const run = kettleRun();
    run.rehearse({ steps: ['listen'], recorded: false });
    run.rehearse({ steps: ['listen', 'apologise'], recorded: true });
    run.choose('opening.2');
    expect(run.rehearsedHere()).toBeNull();
    run.rehearse({ steps: [], recorded: false });
    expect(run.saved.rehearsed?.map((m) => [m.at, m.steps, m.recorded])).toEqual([
      [0, ['listen', 'apologise'], true],
      [1, [], false],
    ]);
  });

  it('records nothing once the run has ended, and the attempt carries the marks', () => {
    const run = kettleRun({ choices: ['opening.2', 'details.1', 'remedy.1'] });
    run.rehearse({ steps: ['thank'], recorded: true });
    run.choose('thanks.1');
    expect(run.rehearse({ steps: ['listen'], recorded: false })).toBeNull();
    const attempt = run.finish();
    expect(attempt?.rehearsed).toEqual([{ at: 3, node: 'thanks', steps: ['thank'], recorded: true }]);
    expect(AttemptSchema.safeParse(attempt).success).toBe(true);
  });

  it('leaves the field out of a run and attempt that never rehearsed', () => {
    const run = kettleRun({ choices: ['opening.2', 'details.1', 'remedy.1', 'thanks.1'] });
    expect('rehearsed' in run.saved).toBe(false);
    expect('rehearsed' in (run.finish() ?? {})).toBe(false);
  });
});

describe('saved progress with rehearsal marks', () => {
  const rehearsed = [{ at: 0, node: 'opening', steps: ['listen', 'apologise'], recorded: true }];

  it('loads an old record without them as it was, and a record with them keeps them', () => {
    const old = playAttempt('old', BEST);
    const marked = { ...playAttempt('new', BEST, { day: 2 }), rehearsed };
    const run = {
      ...startRun('r2', kettle, scenarioFingerprint(kettle), 'LASS', 'practice', NOW, 9),
      rehearsed,
    };
    const doc = JSON.parse(
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, attempts: [old, marked], run, learnerName: null }),
    );
    const read = migrate(doc);
    expect(read.status).toBe('ok');
    expect(read.warnings).toEqual([]);
    expect(read.store.attempts[0]).toEqual(old);
    expect(read.store.attempts[0]?.rehearsed).toBeUndefined();
    expect(read.store.attempts[1]?.rehearsed).toEqual(rehearsed);
    expect(read.store.run?.rehearsed).toEqual(rehearsed);
  });

  it('refuses a damaged mark (so migrate sets that record aside), never guessing', () => {
    const bad = {
      ...playAttempt('bad', BEST),
      rehearsed: [{ at: -1, node: 'opening', steps: [], recorded: 'yes' }],
    };
    expect(AttemptSchema.safeParse(bad).success).toBe(false);
    expect(
      SavedRunSchema.safeParse({ ...startRun('r', kettle, '', 'LASS', 'practice', NOW, 1), rehearsed: 3 })
        .success,
    ).toBe(false);
  });

  it('“try again from here” keeps the marks of the turns it replays only', () => {
    const attempt = {
      ...playAttempt('a', BEST),
      rehearsed: [...rehearsed, { at: 2, node: 'remedy', steps: ['solve'], recorded: false }],
    };
    expect(branchFrom(attempt, 1, 'b', NOW).rehearsed).toEqual(rehearsed);
  });

  it('is saved after each tick by the page’s progress observer', async () => {
    const backend = memoryBackend();
    const progress = new PageProgress(library, async () => backend);
    const run = kettleRun({ choices: ['opening.2'] });
    run.subscribe((change) => progress.changed(change));
    run.rehearse({ steps: ['apologise'], recorded: false });
    await progress.idle();
    const stored = backend.data.get('run') as { rehearsed?: unknown };
    expect(stored.rehearsed).toEqual([
      { at: 1, node: run.view().node.id, steps: ['apologise'], recorded: false },
    ]);
  });
});

describe('“Erase all my data”', () => {
  it('erases the recordings with the progress', async () => {
    const recordings = memoryRecordings();
    const store = new RecordingStore(recordings);
    await store.save({
      key: 'r1:0',
      runId: 'r1',
      at: 0,
      node: 'opening',
      createdAt: NOW,
      bytes: 3,
      seconds: 1,
      type: 'audio/webm',
      audio: new Blob([new Uint8Array(3)]),
    });
    const progress = new PageProgress(library, async () => memoryBackend(), [() => store.clear()]);
    const storage = await progress.open();
    await storage.saveRun(kettleRun().saved);
    expect(await storage.eraseAll()).toBe(true);
    expect(recordings.data.size).toBe(0);
    expect(storage.store.run).toBeNull();
  });

  it('says the erase failed when the recordings cannot be erased, while still erasing the progress', async () => {
    const backend = memoryBackend();
    const storage = await ProgressStorage.open(async () => backend);
    storage.alsoErase(() => Promise.reject(new Error('refused')));
    await storage.saveRun(kettleRun().saved);
    expect(await storage.eraseAll()).toBe(false);
    expect(storage.notices.map((n) => n.code)).toContain('erase-failed');
    expect(backend.data.size).toBe(0);
  });
});

/**
 * The page's owner of learners' runs, in Node: where a run starts (new, the
 * browser's saved run, the LMS's suspend data, a hand-over), saved progress as
 * an observer, a second tab, a storage that fails and an LMS that drops out.
 */
import { describe, expect, it } from 'vitest';
import { type KeyValueBackend, memoryBackend } from '../../../src/game/storage/index.ts';
import { branchFrom, type SavedRun } from '../../../src/progress/index.ts';
import { storedCmi } from '../../lms/support.ts';
import { assessment, connect, kettle, practice, scorm12, tab } from './support.ts';

const ids = (run: { saved: SavedRun }) => run.saved.choices;
const BEST = ['opening.2', 'details.1', 'remedy.1', 'thanks.1'];

async function savedRun(backend: KeyValueBackend): Promise<SavedRun | null> {
  return ((await backend.readAll()).get('run') as SavedRun | undefined) ?? null;
}

describe('RunService: where a run starts', () => {
  it('starts a new run with the address’s seed, and saves it after every reply', async () => {
    const backend = memoryBackend();
    const { runs, progress, asked } = tab(backend);
    const run = await runs.start(practice);
    expect(run?.source).toBe('new');
    expect(run?.seed).toBe(7);
    expect(runs.current).toBe(run);
    run?.choose('opening.2');
    run?.choose('details.1');
    await progress.idle();
    expect((await savedRun(backend))?.choices).toEqual(['opening.2', 'details.1']);
    expect(asked).toEqual([]);
  });

  it('draws a fresh seed when the address fixes none', async () => {
    const { runs } = tab(memoryBackend());
    const { seed: _, ...unseeded } = practice;
    expect((await runs.start(unseeded))?.seed).toBe(99);
  });

  it('starts the same run after `prepare` (which a deep link calls while Phaser boots) as without it', async () => {
    const plain = tab(memoryBackend());
    const prepared = tab(memoryBackend(), { name: 'prepared' });
    prepared.runs.prepare(practice);
    prepared.runs.prepare({ ...practice, scenarioId: 'nope' });
    const [a, b] = [await plain.runs.start(practice), await prepared.runs.start(practice)];
    expect(b?.saved.fingerprint).toBe(a?.saved.fingerprint);
    expect(b?.seed).toBe(a?.seed);
    for (const id of BEST) {
      a?.choose(id);
      b?.choose(id);
    }
    expect(b?.view().ending).toEqual(a?.view().ending);
  });

  it('starts at once, with no promise to wait for, once `prepare` has read saved progress and nothing needs asking', async () => {
    const { runs, asked } = tab(memoryBackend());
    runs.prepare(practice);
    await new Promise((settled) => setTimeout(settled, 0));
    const begun = runs.begin(practice);
    expect('run' in begun && begun.run?.source).toBe('new');
    expect('run' in begun && begun.run?.seed).toBe(7);
    expect(runs.current).toBe('run' in begun ? begun.run : undefined);
    expect(asked).toEqual([]);
  });

  it('waits, as `start` does, without `prepare`, before its reading is in, or for another request', async () => {
    const { runs } = tab(memoryBackend());
    expect('later' in runs.begin(practice)).toBe(true);
    runs.prepare(practice);
    const early = runs.begin(practice);
    expect('later' in early && (await early.later)?.source).toBe('new');
    runs.prepare(practice);
    await new Promise((settled) => setTimeout(settled, 0));
    expect('later' in runs.begin({ ...practice })).toBe(true);
  });

  it('still asks before resuming a saved run when `prepare` has read it, and reads afresh for the next start', async () => {
    const backend = memoryBackend();
    const first = tab(backend);
    const before = await first.runs.start(practice);
    before?.choose('opening.2');
    await first.progress.idle();

    const reloaded = tab(backend, { name: 'reload' });
    reloaded.runs.prepare(practice);
    await new Promise((settled) => setTimeout(settled, 0));
    const begun = reloaded.runs.begin(practice);
    expect('later' in begun).toBe(true);
    const run = 'later' in begun ? await begun.later : null;
    expect(reloaded.asked).toEqual(['resume 1']);
    expect(run && ids(run)).toEqual(['opening.2']);
    run?.choose('details.1');
    await reloaded.progress.idle();
    if (run !== null) reloaded.runs.close(run);
    // The reading `prepare` made is gone: this start finds the two replies saved since.
    await reloaded.runs.start(practice);
    expect(reloaded.asked).toEqual(['resume 1', 'resume 2']);
  });

  it('is null for a scenario or model the library does not have', async () => {
    const { runs } = tab(memoryBackend());
    expect(await runs.start({ ...practice, scenarioId: 'nope' })).toBeNull();
    expect(await runs.start({ ...practice, modelId: 'NOPE' })).toBeNull();
  });

  it('resumes the browser’s saved run when the learner says Resume: same replies, same seed, replayed', async () => {
    const backend = memoryBackend();
    const first = tab(backend);
    const before = await first.runs.start(practice);
    before?.choose('opening.2');
    before?.choose('details.1');
    await first.progress.idle();

    const reloaded = tab(backend, { name: 'reload' });
    const run = await reloaded.runs.start({ ...practice, seed: 1 });
    expect(reloaded.asked).toEqual(['resume 2']);
    expect(run?.source).toBe('local');
    expect(run && ids(run)).toEqual(['opening.2', 'details.1']);
    expect(run?.view().node.id).toBe('remedy');
    expect(run?.seed).toBe(before?.seed);
    // Continued under a new id, so a second tab resuming it keeps its own attempt.
    expect(run?.saved.id).not.toBe(before?.saved.id);
  });

  it('starts afresh when the learner says Start again, and when the saved run no longer replays', async () => {
    const backend = memoryBackend();
    const first = tab(backend);
    (await first.runs.start(practice))?.choose('opening.2');
    await first.progress.idle();
    const again = tab(backend, { resume: false, name: 'again' });
    const run = await again.runs.start(practice);
    expect(run?.source).toBe('new');
    expect(run && ids(run)).toEqual([]);

    const stale = memoryBackend();
    const old = tab(stale);
    const kept = await old.runs.start(practice);
    kept?.choose('opening.2');
    await old.progress.idle();
    const record = (await savedRun(stale)) as SavedRun;
    await stale.write({ puts: new Map([['run', { ...record, choices: ['opening.9'] }]]), deletes: [] });
    const after = tab(stale, { name: 'after' });
    const fresh = await after.runs.start(practice);
    expect(after.asked).toHaveLength(1);
    expect(after.asked[0]).toMatch(/^stale: /);
    expect(fresh && ids(fresh)).toEqual([]);
  });

  it('does not offer another role-play’s saved run', async () => {
    const backend = memoryBackend();
    const first = tab(backend);
    (await first.runs.start(practice))?.choose('opening.2');
    await first.progress.idle();
    const other = tab(backend, { name: 'other' });
    const run = await other.runs.start(assessment);
    expect(other.asked).toEqual([]);
    expect(run && ids(run)).toEqual([]);
  });

  it('follows a hand-over ("try again from here") before the LMS or the saved run, without asking', async () => {
    const backend = memoryBackend();
    const first = tab(backend);
    const played = await first.runs.start(practice);
    for (const id of BEST) played?.choose(id);
    const attempt = played?.finish();
    if (!played || !attempt) throw new Error('the run did not end');
    await first.runs.finish({ saved: played.saved, view: played.view(), attempt });

    const branch = branchFrom(attempt, 2, 'branch-1', '2026-12-03T10:05:00.000Z');
    const run = await first.runs.start({ ...practice, handover: { kind: 'branch', run: branch } });
    expect(first.asked).toEqual([]);
    expect(run?.source).toBe('branch');
    expect(run && ids(run)).toEqual(BEST.slice(0, 2));
    expect(run?.saved.parentId).toBe(attempt.id);
    expect(run?.seed).toBe(played.seed);
  });

  it('resumes the LMS’s suspend data without asking, with its seed, even when the browser has a run saved', async () => {
    const api = scorm12();
    const backend = memoryBackend();
    const first = tab(backend, { lms: connect(api) });
    const run1 = await first.runs.start(assessment);
    run1?.choose('opening.3');
    first.lms?.active?.finish();
    await first.progress.idle();

    const relaunched = tab(backend, { lms: connect(scorm12(storedCmi(api))), name: 'lms' });
    const run = await relaunched.runs.start({ ...assessment, seed: 5 });
    expect(relaunched.asked).toEqual([]);
    expect(run?.source).toBe('lms');
    expect(run && ids(run)).toEqual(['opening.3']);
    expect(run?.seed).toBe(run1?.seed);
    // Offered once a page: the next role-play of it is the browser's saved copy, which the learner is asked about.
    const next = await relaunched.runs.start(assessment);
    expect(relaunched.asked).toEqual(['resume 1']);
    expect(next?.source).toBe('local');
  });
});

describe('RunService: observers and the record', () => {
  it('tells observers started, changed (with the cause) and finished, in order; the tutor tools get the last run', async () => {
    const { runs } = tab(memoryBackend());
    const heard: string[] = [];
    runs.observe({
      started: (run) => heard.push(`started ${run.source}`),
      changed: ({ cause, view }) => heard.push(`${cause} ${view.transcript.length}`),
      finished: ({ attempt }) => void heard.push(`finished ${attempt.band}`),
      closed: () => heard.push('closed'),
    });
    const run = await runs.start(practice);
    if (run === null) throw new Error('no run');
    run.choose('opening.3');
    run.undo();
    run.hint();
    for (const id of BEST) run.choose(id);
    const attempt = run.finish();
    if (attempt === null) throw new Error('not ended');
    await runs.finish({ saved: run.saved, view: run.view(), attempt });
    runs.close(run);
    expect(heard).toEqual([
      'started new',
      'choose 1',
      'undo 0',
      'hint 0',
      'choose 1',
      'choose 2',
      'choose 3',
      'choose 4',
      `finished ${attempt.band}`,
      'closed',
    ]);
    expect(runs.lastFinished(kettle.id)?.choices).toEqual(BEST);
    expect(runs.current).toBeNull();
  });

  it('keeps playing, and saves what it can, when an observer throws', async () => {
    const backend = memoryBackend();
    const { runs, progress } = tab(backend);
    runs.observe({
      started: () => {
        throw new Error('broken observer');
      },
      changed: () => {
        throw new Error('broken observer');
      },
    });
    const run = await runs.start(practice);
    run?.choose('opening.2');
    await progress.idle();
    expect((await savedRun(backend))?.choices).toEqual(['opening.2']);
  });

  it('a second tab that resumes the same saved run keeps its own attempt: both are stored', async () => {
    const backend = memoryBackend();
    const a = tab(backend, { name: 'a' });
    const runA = await a.runs.start(practice);
    runA?.choose('opening.2');
    await a.progress.idle();
    const b = tab(backend, { name: 'b' });
    const runB = await b.runs.start(practice);
    expect(b.asked).toEqual(['resume 1']);
    for (const [tabOf, run] of [
      [a, runA],
      [b, runB],
    ] as const) {
      for (const id of BEST.slice(1)) run?.choose(id);
      const attempt = run?.finish();
      if (!run || !attempt) throw new Error('not ended');
      await tabOf.runs.finish({ saved: run.saved, view: run.view(), attempt });
    }
    const keys = [...(await backend.readAll()).keys()].filter((key) => key.startsWith('attempt:')).sort();
    expect(keys).toEqual([`attempt:${runA?.saved.id}`, `attempt:${runB?.saved.id}`].sort());
    expect(runA?.saved.id).not.toBe(runB?.saved.id);
  });

  it('keeps the run going in memory when the browser refuses to write, and still finishes it', async () => {
    const inner = memoryBackend();
    const refusing: KeyValueBackend = {
      kind: 'memory',
      readAll: () => inner.readAll(),
      clear: () => inner.clear(),
      write: async () => {
        throw Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
      },
    };
    const { runs, progress } = tab(refusing);
    const run = await runs.start(practice);
    if (run === null) throw new Error('no run');
    for (const id of BEST) run.choose(id);
    await progress.idle();
    const storage = await progress.open();
    expect(storage.store.run?.choices).toEqual(BEST);
    expect(storage.notices.map((n) => n.code)).toContain('quota');
    const attempt = run.finish();
    if (attempt === null) throw new Error('not ended');
    await runs.finish({ saved: run.saved, view: run.view(), attempt });
    expect(storage.store.attempts.map((a) => a.id)).toEqual([run.saved.id]);
    expect(inner.data.size).toBe(0);
  });

  it('plays on and keeps saved progress when the LMS drops out mid-run', async () => {
    const api = scorm12();
    const backend = memoryBackend();
    const { runs, progress } = tab(backend, { lms: connect(api) });
    const run = await runs.start(assessment);
    run?.choose('opening.2');
    // The LMS window is closed, its API gone: every call now throws.
    for (const name of ['LMSSetValue', 'LMSGetValue', 'LMSCommit', 'LMSFinish'] as const) {
      (api as unknown as Record<string, () => never>)[name] = () => {
        throw new Error('the LMS has gone');
      };
    }
    for (const id of BEST.slice(1)) run?.choose(id);
    await progress.idle();
    expect(run?.view().ending?.outcome).toBe('resolved');
    expect((await savedRun(backend))?.choices).toEqual(BEST);
    expect(storedCmi(api)['cmi.interactions.0.id']).toBe('faulty-kettle.r1.opening.2');
  });
});

/** "Say it your way": what the learner typed before each reply, kept with the run (progress `said`). */
import { describe, expect, it } from 'vitest';
import { AttemptSchema, branchFrom, SavedRunSchema } from '../../../src/progress/index.ts';
import { kettleRun, NOW } from './support.ts';

const SORRY = {
  text: "I'm so sorry, what happened?",
  acts: [
    { act: 'apologise', evidence: "I'm so sorry" },
    { act: 'question', evidence: 'what happened' },
  ],
  closest: 'opening.2',
};

describe('the run keeps what the learner typed', () => {
  it('records, per reply, the text, the acts found with their evidence, the closest and the reply picked', () => {
    const run = kettleRun();
    run.choose('opening.2', SORRY);
    expect(run.saved.said).toEqual([{ at: 0, node: 'opening', ...SORRY, picked: 'opening.2' }]);
    // A reply chosen without typing first has no entry; the others stay.
    run.choose('details.1');
    run.choose('remedy.1', { text: 'refund or swap', acts: [], closest: 'remedy.1' });
    expect(run.saved.said?.map((s) => [s.at, s.picked])).toEqual([
      [0, 'opening.2'],
      [2, 'remedy.1'],
    ]);
  });

  it('keeps no said field at all for a run that never typed (old and new records alike)', () => {
    const run = kettleRun();
    run.choose('opening.2');
    expect('said' in run.saved).toBe(false);
  });

  it('loses the entry of a reply that is undone, and a new entry for the turn replaces it', () => {
    const run = kettleRun();
    run.choose('opening.3', {
      text: 'you must have dropped it',
      acts: [{ act: 'blame', evidence: 'you must have' }],
      closest: 'opening.3',
    });
    run.undo();
    expect(run.saved.said).toBeUndefined();
    run.choose('opening.2', SORRY);
    expect(run.saved.said?.map((s) => s.picked)).toEqual(['opening.2']);
  });

  it('keeps the entries of the replies a resumed run replays, and drops those beyond where the replay stopped', () => {
    const said = [
      { at: 0, node: 'opening', ...SORRY, picked: 'opening.2' },
      { at: 1, node: 'details', text: 'gone', acts: [], closest: null, picked: 'nope.1' },
    ];
    const run = kettleRun({ choices: ['opening.2', 'nope.1'], said });
    expect(run.saved.choices).toEqual(['opening.2']);
    expect(run.saved.said).toEqual([said[0]]);
  });

  it('goes into the attempt, and "try again from here" keeps only the entries before the fork', () => {
    const run = kettleRun();
    run.choose('opening.2', SORRY);
    run.choose('details.1', {
      text: 'so it heats but',
      acts: [{ act: 'summarise', evidence: 'so it' }],
      closest: 'details.1',
    });
    run.choose('remedy.1');
    run.choose('thanks.1', {
      text: 'thanks',
      acts: [{ act: 'thank', evidence: 'thanks' }],
      closest: 'thanks.1',
    });
    const attempt = run.finish();
    expect(attempt?.said?.map((s) => s.at)).toEqual([0, 1, 3]);
    expect(AttemptSchema.parse(JSON.parse(JSON.stringify(attempt)))).toEqual(attempt);
    const branch = branchFrom(attempt as NonNullable<typeof attempt>, 1, 'r2', NOW);
    expect(branch.said?.map((s) => s.at)).toEqual([0]);
  });
});

describe('the saved-progress schema and said', () => {
  const old = {
    id: 'r1',
    scenarioId: 'faulty-kettle',
    fingerprint: 'f',
    model: 'LASS',
    mode: 'practice',
    choices: ['opening.2'],
    startedAt: NOW,
    updatedAt: NOW,
    hints: [],
    parentId: null,
    forkAt: null,
    seed: 7,
  };

  it('loads a saved run from before said, unchanged, and one with it', () => {
    expect(SavedRunSchema.parse(old)).toEqual(old);
    const withSaid = { ...old, said: [{ at: 0, node: 'opening', ...SORRY, picked: 'opening.2' }] };
    expect(SavedRunSchema.parse(withSaid)).toEqual(withSaid);
  });

  it('keeps how sure the reader was of each act; an act saved before that (no check) still loads', () => {
    const run = kettleRun();
    const acts = [
      { act: 'apologise', evidence: "I'm so sorry", check: 'tutor' as const },
      { act: 'question', evidence: 'what happened', check: 'sure' as const },
    ];
    run.choose('opening.2', { ...SORRY, acts });
    expect(run.saved.said?.[0]?.acts).toEqual(acts);
    const saved = JSON.parse(JSON.stringify(run.saved));
    expect(SavedRunSchema.parse(saved).said?.[0]?.acts).toEqual(acts);
    // Records from before the flag: the acts load as they were, without it.
    const before = { ...old, said: [{ at: 0, node: 'opening', ...SORRY, picked: 'opening.2' }] };
    expect(SavedRunSchema.parse(before).said?.[0]?.acts).toEqual(SORRY.acts);
    const wrong = {
      ...old,
      said: [
        { at: 0, node: 'opening', ...SORRY, acts: [{ ...acts[0], check: 'maybe' }], picked: 'opening.2' },
      ],
    };
    expect(SavedRunSchema.safeParse(wrong).success).toBe(false);
  });

  it('refuses a said entry that is not one (so a damaged record is caught, not half-read)', () => {
    expect(SavedRunSchema.safeParse({ ...old, said: [{ at: -1, text: 'x' }] }).success).toBe(false);
    expect(SavedRunSchema.safeParse({ ...old, said: 'typed' }).success).toBe(false);
  });
});

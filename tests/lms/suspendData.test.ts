import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/index.ts';
import {
  decodeSuspendData,
  encodeSuspendData,
  type ResumableRun,
  repliesOf,
  resumeChoices,
  runShapeFingerprint,
  SUSPEND_LIMIT_12,
} from '../../src/lms/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { buildScenario } from '../engine/build.ts';
import { loadFile } from './support.ts';

const kettle = loadFile('scenarios/faulty-kettle.yaml');
const loop = loadFile('tests/fixtures/engine/loop.yaml');

/** A hub with `width` replies, all looping back, and one way out: runs as long as you like. */
function hub(width: number): Scenario {
  return buildScenario({
    id: 'hub',
    start: 'hub',
    nodes: {
      hub: {
        choices: [
          ...Array.from({ length: width }, (_, i) => ({
            to: 'hub',
            acts: i % 2 === 0 ? ['listen'] : ['jargon'],
          })),
          { to: 'end', acts: ['thank'] },
        ],
      },
      end: { end: 'resolved' },
    },
  });
}

function savedRun(
  scenario: Scenario,
  replies: readonly number[],
  mode: 'practice' | 'assessment' = 'assessment',
  seed = 0xffff_ffff,
): ResumableRun {
  return {
    scenario: scenario.id,
    fingerprint: runShapeFingerprint(scenario),
    model: 'LASS',
    mode,
    replies,
    seed,
  };
}

describe('suspend data', () => {
  it('round-trips a run in a few dozen characters', () => {
    const run = savedRun(kettle, [2, 1, 1, 1]);
    const encoded = encodeSuspendData(run);
    expect(encoded?.text).toMatch(/^c2;faulty-kettle;[0-9a-z]+;LASS;a;1z141z3;2111$/);
    expect(encoded?.kept).toBe(4);
    expect(decodeSuspendData(encoded?.text)).toEqual(run);
  });

  it('keeps the run’s reply-order seed, so a resumed run shows the replies in the same order', () => {
    for (const seed of [0, 1, 35, 36, 123_456_789, 0xffff_ffff]) {
      const run = savedRun(kettle, [2, 1], 'practice', seed);
      expect(decodeSuspendData(encodeSuspendData(run)?.text)?.seed).toBe(seed);
    }
    const text = encodeSuspendData(savedRun(kettle, [2]))?.text ?? '';
    for (const bad of ['', '-1', 'zzzzzzzz', '1z141z4', 'A']) {
      const parts = text.split(';');
      parts[5] = bad;
      expect(decodeSuspendData(parts.join(';'))).toBeNull();
    }
  });

  it('still resumes suspend data written before runs kept a seed (c1), with a seed from its text', () => {
    const old = `c1;faulty-kettle;${runShapeFingerprint(kettle)};LASS;p;21`;
    const decoded = decodeSuspendData(old);
    expect(decoded).toMatchObject({
      scenario: 'faulty-kettle',
      model: 'LASS',
      mode: 'practice',
      replies: [2, 1],
    });
    expect(decodeSuspendData(old)?.seed).toBe(decoded?.seed);
  });

  it('resumes to the same choice ids, checked through the machine', () => {
    const session = createSession(kettle);
    for (const id of ['opening.3', 'angry.1', 'details.1']) session.choose(id);
    const saved = decodeSuspendData(
      encodeSuspendData(savedRun(kettle, repliesOf(session.view().run.choices)))?.text,
    );
    if (saved === null) throw new Error('did not decode');
    expect(resumeChoices(kettle, saved)).toEqual({
      ok: true,
      choiceIds: ['opening.3', 'angry.1', 'details.1'],
      ended: false,
    });
  });

  it('refuses a run saved against another scenario or another version of this one', () => {
    expect(resumeChoices(loop, savedRun(kettle, [2]))).toEqual({ ok: false, reason: 'other-scenario' });
    expect(resumeChoices(kettle, { ...savedRun(kettle, [2]), fingerprint: 'zzz' })).toEqual({
      ok: false,
      reason: 'changed',
    });
    expect(resumeChoices(kettle, savedRun(kettle, [9]))).toEqual({ ok: false, reason: 'not-playable' });
    expect(resumeChoices(kettle, savedRun(kettle, [2, 1, 1, 1, 1]))).toEqual({
      ok: false,
      reason: 'not-playable',
    });
  });

  it('changes the fingerprint when a reply leads elsewhere, not when a line is reworded', () => {
    const base = {
      id: 'f',
      start: 'a',
      nodes: {
        a: { choices: [{ to: 'b' }, { to: 'c' }] },
        b: { end: 'resolved' as const },
        c: { end: 'lost' as const },
      },
    };
    const reworded = buildScenario({
      ...base,
      nodes: { ...base.nodes, a: { customer: 'Hi', choices: [{ to: 'b', say: 'x' }, { to: 'c' }] } },
    });
    const rerouted = buildScenario({
      ...base,
      nodes: { ...base.nodes, a: { choices: [{ to: 'c' }, { to: 'b' }] } },
    });
    expect(runShapeFingerprint(reworded)).toBe(runShapeFingerprint(buildScenario(base)));
    expect(runShapeFingerprint(rerouted)).not.toBe(runShapeFingerprint(buildScenario(base)));
  });

  it('never passes 4,096 characters: a long run keeps the longest prefix that fits, and it replays', () => {
    const wide = hub(70);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 0, maxLength: 6000 }),
        fc.constantFrom<'practice' | 'assessment'>('practice', 'assessment'),
        (replies, mode) => {
          const run = savedRun(wide, replies, mode);
          const encoded = encodeSuspendData(run);
          if (encoded === null) throw new Error('a short header always fits');
          expect(encoded.text.length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
          const decoded = decodeSuspendData(encoded.text);
          expect(decoded).toEqual({ ...run, replies: replies.slice(0, encoded.kept) });
          if (encoded.kept < replies.length) {
            const next = replies[encoded.kept] ?? 1;
            expect(encoded.text.length + (next < 62 ? 1 : 3)).toBeGreaterThan(SUSPEND_LIMIT_12);
          }
          const resumed = decoded === null ? null : resumeChoices(wide, decoded);
          expect(resumed?.ok).toBe(true);
        },
      ),
      { seed: 20260323, numRuns: 60 },
    );
  });

  it('replays a long looping run of the fixture scenario exactly', () => {
    const replies = [...Array.from({ length: 1500 }, () => [1, 1]).flat(), 2, 1];
    const encoded = encodeSuspendData(savedRun(loop, replies));
    expect(encoded?.kept).toBe(replies.length);
    const decoded = decodeSuspendData(encoded?.text);
    if (decoded === null) throw new Error('did not decode');
    const resumed = resumeChoices(loop, decoded);
    expect(resumed.ok && resumed.ended).toBe(true);
    expect(resumed.ok && resumed.choiceIds.length).toBe(3002);
  });

  it('gives up (null) rather than overflow when the ids alone would not fit', () => {
    expect(encodeSuspendData({ ...savedRun(kettle, [1]), model: 'M'.repeat(5000) })).toBeNull();
    const head = encodeSuspendData(savedRun(kettle, []))?.text.length ?? 0;
    const tight = encodeSuspendData(savedRun(kettle, [2, 1, 1, 1]), head + 2);
    expect(tight).toEqual({ text: expect.stringMatching(/;21$/), kept: 2 });
  });

  it('reads anything else as "start fresh", never an exception', () => {
    for (const junk of [
      undefined,
      null,
      42,
      '',
      'c1',
      'c2;a;b;c;a;1',
      'c1;a;b;c;x;1',
      'c1;%E0%A4%A;b;c;a;1',
      'c1;a;b;c;a;0',
      'c1;a;b;c;a;-z',
      'c1;;b;c;a;1',
      'c1;a;b;c;a;1;extra',
      'x'.repeat(70_000),
    ]) {
      expect(decodeSuspendData(junk)).toBeNull();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const decoded = decodeSuspendData(text);
        if (decoded !== null) expect(resumeChoices(kettle, decoded as ResumableRun).ok).toBeTypeOf('boolean');
      }),
      { seed: 7, numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^c1;faulty-kettle;[0-9a-z]{1,8};[A-Z]{1,5};[ap];[-0-9a-zA-Z]{0,20}$/),
        (text) => {
          const decoded = decodeSuspendData(text);
          if (decoded !== null) expect(resumeChoices(kettle, decoded).ok).toBeTypeOf('boolean');
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });
});

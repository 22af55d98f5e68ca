import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeHeld,
  encodeHeld,
  type HeldReplies,
  heldAtLaunch,
  interactionId12,
  interactionId2004,
  type RunKey,
  recordStep,
} from '../../src/lms/index.ts';

const key: RunKey = { scenario: 'faulty-kettle', model: 'LASS', mode: 'practice', seed: 7 };
const held = (choices: string[], k: RunKey = key): HeldReplies => ({ ...k, choices });

describe('which replies to record (recordStep)', () => {
  it('a resumed run replayed into a new session records nothing again', () => {
    const step = recordStep(held(['opening.3', 'angry.1']), key, [], ['opening.3', 'angry.1'], true);
    expect(step.fromEntry).toBe(2);
    expect(step.held?.choices).toEqual(['opening.3', 'angry.1']);
  });

  it("records the learner's reply even when it is the one held (chosen, not replayed)", () => {
    expect(recordStep(held(['opening.3']), key, [], ['opening.3'], false).fromEntry).toBe(0);
  });

  it('an undo records nothing and cuts what is held, so the replacement and a re-choice are new', () => {
    const undo = recordStep(held(['opening.3']), key, ['opening.3'], [], false);
    expect(undo).toEqual({ fromEntry: 0, held: held([]) });
    expect(recordStep(undo.held, key, [], ['opening.2'], false).fromEntry).toBe(0);
    // Even a replay after the undo does not skip a reply the LMS no longer holds as part of the run.
    expect(recordStep(undo.held, key, [], ['opening.3'], true).fromEntry).toBe(0);
  });

  it('try again from here: the replayed prefix is held, the next reply is recorded even if it is the same', () => {
    const full = held(['opening.2', 'details.1', 'remedy.1', 'thanks.1']);
    const first = recordStep(full, key, [], [], false);
    expect(first.held).toBe(full);
    const one = recordStep(first.held, key, [], ['opening.2'], true);
    const two = recordStep(one.held, key, ['opening.2'], ['opening.2', 'details.1'], true);
    expect([one.fromEntry, two.fromEntry]).toEqual([1, 2]);
    const next = recordStep(
      two.held,
      key,
      ['opening.2', 'details.1'],
      ['opening.2', 'details.1', 'remedy.1'],
      false,
    );
    expect(next.fromEntry).toBe(2);
  });

  it('a replay of another run (another seed, model or mode) is recorded: it is not the held run', () => {
    for (const other of [{ seed: 8 }, { model: 'HEAT' }, { mode: 'assessment' as const }]) {
      expect(
        recordStep(held(['opening.2'], { ...key, ...other }), key, [], ['opening.2'], true).fromEntry,
      ).toBe(0);
    }
  });

  it('a replay longer than what is held (a reload before the LMS got the last reply) records only the rest', () => {
    expect(recordStep(held(['opening.2']), key, [], ['opening.2', 'details.1'], true).fromEntry).toBe(1);
  });

  /**
   * Every decision the learner makes gets a token; replays carry the tokens of
   * the replies they replay. Whatever mix of replies, undos, reloads (a new
   * session replaying the run) and "try again from here" (a new session
   * replaying a prefix) and crashes (the last write lost, the transcript kept
   * by saved progress), every token is recorded exactly once.
   */
  it('records every reply exactly once across replies, undo, reloads and try again (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('choose' as const), id: fc.constantFrom('a', 'b') }),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'reload' as const }),
      fc.record({ kind: fc.constant('tryAgain' as const), at: fc.nat(6) }),
      fc.constant({ kind: 'restart' as const }),
      fc.constant({ kind: 'crash' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let token = 0;
        let seed = 1;
        let ledger: HeldReplies | null = null;
        let transcript: { id: string; token: number }[] = [];
        let previous: string[] = [];
        const recorded: number[] = [];
        // Before the last change: a crash loses its write (the LMS never got it) but not the transcript.
        let before = { ledger: ledger as HeldReplies | null, recorded: 0 };
        const view = (next: { id: string; token: number }[], replaying: boolean) => {
          before = { ledger, recorded: recorded.length };
          const ids = next.map((entry) => entry.id);
          const step = recordStep(ledger, { ...key, seed }, previous, ids, replaying);
          for (const entry of next.slice(step.fromEntry)) recorded.push(entry.token);
          ledger = step.held;
          previous = ids;
          transcript = next;
        };
        const newSession = (replay: { id: string; token: number }[]) => {
          previous = [];
          view([], false);
          for (let n = 1; n <= replay.length; n += 1) view(replay.slice(0, n), true);
        };
        for (const o of ops) {
          if (o.kind === 'choose') view([...transcript, { id: o.id, token: ++token }], false);
          else if (o.kind === 'undo') view(transcript.slice(0, -1), false);
          else if (o.kind === 'reload') newSession(transcript);
          else if (o.kind === 'tryAgain') newSession(transcript.slice(0, o.at));
          else if (o.kind === 'crash') {
            ledger = before.ledger;
            recorded.length = before.recorded;
            newSession(transcript);
          } else {
            seed += 1;
            newSession([]);
          }
        }
        const counts = new Map<number, number>();
        for (const t of recorded) counts.set(t, (counts.get(t) ?? 0) + 1);
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
        expect(counts.size).toBe(token);
      }),
      { seed: 20_261_124, numRuns: 500 },
    );
  });
});

describe('what the LMS holds at launch (heldAtLaunch)', () => {
  const saved = {
    scenario: 'faulty-kettle',
    fingerprint: 'f',
    model: 'LASS',
    mode: 'assessment' as const,
    seed: 9,
  };
  const ids = ['opening.3', 'angry.1'];

  it('SCORM 1.2 (ids write-only): the saved replies, no more than _count', () => {
    const lms = (count: number) => ({ version: '1.2' as const, count, ids: null });
    expect(heldAtLaunch({ ...saved, replies: [3, 1] }, ids, lms(2)).choices).toEqual(ids);
    expect(heldAtLaunch({ ...saved, replies: [3, 1] }, ids, lms(5)).choices).toEqual(ids);
    expect(heldAtLaunch({ ...saved, replies: [3, 1] }, ids, lms(1)).choices).toEqual(['opening.3']);
    expect(heldAtLaunch({ ...saved, replies: [3, 1] }, ids, lms(0))).toMatchObject({ seed: 9, choices: [] });
  });

  it('SCORM 2004: the longest prefix of the saved replies whose interaction ids the LMS has', () => {
    const there = [interactionId2004('faulty-kettle', 1, 'opening.3'), 'other'];
    const held = heldAtLaunch({ ...saved, replies: [3, 1] }, ids, { version: '2004', count: 2, ids: there });
    expect(held.choices).toEqual(['opening.3']);
    const both = [...there, interactionId2004('faulty-kettle', 2, 'angry.1')];
    expect(
      heldAtLaunch({ ...saved, replies: [3, 1] }, ids, { version: '2004', count: 3, ids: both }).choices,
    ).toEqual(ids);
    expect(interactionId12('faulty kettle', 1, 'opening.3')).toBe('faulty_kettle.r1.opening.3');
  });
});

describe('what is held, in the browser (no SCORM LMS)', () => {
  it('round-trips, and reads anything else as nothing held', () => {
    const h = held(['opening.2']);
    expect(decodeHeld(encodeHeld(h))).toEqual(h);
    for (const text of [
      null,
      '',
      '{',
      '[]',
      '{"scenario":1}',
      '{"scenario":"s","model":"m","mode":"x","seed":1,"choices":[]}',
    ])
      expect(decodeHeld(text)).toBeNull();
  });
});

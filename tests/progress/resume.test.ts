import { describe, expect, it } from 'vitest';
import {
  branchFrom,
  checkResume,
  type SavedRun,
  scenarioFingerprint,
  startRun,
} from '../../src/progress/index.ts';
import { buildScenario, type RawScenario } from '../engine/build.ts';
import { kettle, kettlePrint, playAttempt, RUSHED } from './fixtures.ts';

const fresh = (choices: string[]): SavedRun => ({
  ...startRun('r1', kettle, kettlePrint, 'LASS', 'practice', '2026-11-01T10:00:00.000Z', 42),
  choices,
});

describe('scenarioFingerprint', () => {
  it('is stable for the same content and ignores where things sit in the file', () => {
    const moved = { ...kettle, file: 'elsewhere.yaml', start: kettle.start };
    expect(scenarioFingerprint(moved)).toBe(kettlePrint);
    expect(kettlePrint).toMatch(/^fnv1a32:[0-9a-f]{8}$/);
  });

  it('changes when a line, a reply or a mood changes', () => {
    const edited = new Map(kettle.nodes);
    const opening = edited.get('opening');
    if (opening?.kind !== 'choices') throw new Error('fixture');
    const [first, ...rest] = opening.choices;
    if (first === undefined) throw new Error('fixture');
    edited.set('opening', { ...opening, choices: [{ ...first, mood: first.mood + 1 }, ...rest] });
    expect(scenarioFingerprint({ ...kettle, nodes: edited })).not.toBe(kettlePrint);
    expect(scenarioFingerprint({ ...kettle, title: 'Another kettle' })).not.toBe(kettlePrint);
  });
});

describe('checkResume', () => {
  it('resumes a run whose replies still fit', () => {
    expect(checkResume(fresh(['opening.1', 'receipt.1']), kettle)).toMatchObject({
      kind: 'resumable',
      ended: false,
    });
    expect(checkResume(fresh([]), kettle).kind).toBe('resumable');
  });

  it('says when the saved run had already reached an ending', () => {
    expect(checkResume(fresh(['opening.3', 'angry.2']), kettle)).toMatchObject({
      kind: 'resumable',
      ended: true,
    });
  });

  it('is stale when the scenario changed since the run was saved', () => {
    const result = checkResume({ ...fresh(['opening.2']), fingerprint: 'fnv1a32:00000000' }, kettle);
    expect(result).toMatchObject({ kind: 'stale', reason: 'scenario-changed' });
    if (result.kind === 'stale') expect(result.message).toContain('has been changed since you started it');
  });

  it('is stale when a saved reply no longer exists, even if the fingerprint matches', () => {
    expect(checkResume(fresh(['opening.2', 'details.9']), kettle)).toMatchObject({
      kind: 'stale',
      reason: 'reply-missing',
    });
  });

  it('is stale when a saved reply is not offered where it was given', () => {
    expect(checkResume(fresh(['opening.2', 'thanks.1']), kettle)).toMatchObject({
      kind: 'stale',
      reason: 'reply-missing',
    });
    expect(checkResume(fresh(['opening.3', 'angry.2', 'thanks.1']), kettle)).toMatchObject({ kind: 'stale' });
  });

  it('is stale when a reply is hidden by an `if` in the replayed state', () => {
    const raw: RawScenario = {
      id: 'gated',
      start: 'a',
      nodes: {
        a: { choices: [{ to: 'b', acts: ['apologise'] }, { to: 'b' }] },
        b: { choices: [{ to: 'z', if: { performed: ['apologise'] } }, { to: 'z' }] },
        z: { end: 'resolved' },
      },
    };
    const gated = buildScenario(raw);
    const run = { ...fresh(['a.2', 'b.1']), scenarioId: 'gated', fingerprint: scenarioFingerprint(gated) };
    expect(checkResume(run, gated)).toMatchObject({ kind: 'stale', reason: 'reply-missing' });
    expect(checkResume({ ...run, choices: ['a.1', 'b.1'] }, gated).kind).toBe('resumable');
  });

  it('is stale when the scenario or the model is gone', () => {
    expect(checkResume(fresh(['opening.2']), undefined)).toMatchObject({ reason: 'scenario-missing' });
    expect(checkResume({ ...fresh([]), scenarioId: 'other' }, kettle)).toMatchObject({
      reason: 'scenario-missing',
    });
    expect(checkResume(fresh([]), kettle, false)).toMatchObject({ reason: 'model-missing' });
  });

  it('finds a run migrated from version 1 (no fingerprint) stale rather than replaying it', () => {
    expect(checkResume({ ...fresh(['opening.2']), fingerprint: '' }, kettle)).toMatchObject({
      reason: 'scenario-changed',
    });
  });
});

describe('branchFrom ("try again from here")', () => {
  it('starts a new run with the replies before the fork, pointing back at the original', () => {
    const original = playAttempt('orig', RUSHED);
    const branch = branchFrom(original, 2, 'retry', '2026-11-05T10:00:00.000Z');
    expect(branch).toMatchObject({
      id: 'retry',
      choices: ['opening.1', 'receipt.1'],
      parentId: 'orig',
      forkAt: 2,
      fingerprint: kettlePrint,
    });
    expect(checkResume(branch, kettle).kind).toBe('resumable');
    expect(original.choices).toEqual(RUSHED);
  });

  it('keeps the original’s seed, so the replayed turns show the replies in the same order', () => {
    const original = { ...playAttempt('orig', RUSHED), seed: 123_456 };
    expect(branchFrom(original, 2, 'retry', '2026-11-05T10:00:00.000Z').seed).toBe(123_456);
  });

  it('clamps the fork to the run', () => {
    const original = playAttempt('orig', RUSHED);
    expect(branchFrom(original, 99, 'x', '2026-11-05T10:00:00.000Z').choices).toEqual(RUSHED);
    expect(branchFrom(original, -3, 'x', '2026-11-05T10:00:00.000Z').choices).toEqual([]);
  });
});

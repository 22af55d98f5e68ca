import { describe, expect, it } from 'vitest';
import { type DebriefActions, debriefProgressOf } from '../../src/game/history/debriefProgress.ts';
import type { Reflection } from '../../src/progress/index.ts';
import { BEST, playAttempt, RUSHED } from '../progress/fixtures.ts';

const actions: DebriefActions = {
  onTryAgain: () => {},
  onSaveReflection: async () => {},
  onEvidence: () => {},
  onHistory: () => {},
};

const reflection: Reflection = {
  wentWell: 'I apologised first.',
  evenBetterIf: 'I had asked for the receipt sooner.',
  plan: '',
  do: '',
  check: '',
  act: '',
};

describe('debriefProgressOf: the data the debrief draws its extras from', () => {
  it('a first Practice attempt: no own rating, not a retry, no reflection yet, the actions as given', () => {
    const progress = debriefProgressOf(playAttempt('a1', BEST), actions);
    expect(progress.selfRating).toBeNull();
    expect(progress.branchOf).toBeNull();
    expect(progress.reflection).toBeNull();
    expect(progress.onTryAgain).toBe(actions.onTryAgain);
    expect(progress.onSaveReflection).toBe(actions.onSaveReflection);
    expect(progress.onEvidence).toBe(actions.onEvidence);
    expect(progress.onHistory).toBe(actions.onHistory);
  });

  it('an Assessment with a self-assessment: the rating set against the marks, step by step', () => {
    const attempt = playAttempt('a2', RUSHED, { mode: 'assessment' });
    const steps = Object.fromEntries(
      (attempt.results.find((r) => r.model === attempt.model)?.steps ?? []).map((s) => [
        s.id,
        'fully' as const,
      ]),
    );
    const rated = { ...attempt, selfAssessment: { steps, predictedBand: 'Distinction' as const } };
    const progress = debriefProgressOf(rated, actions);
    expect(progress.selfRating?.predictedBand).toBe('Distinction');
    expect(progress.selfRating?.actualBand).toBe(attempt.band);
    expect(progress.selfRating?.rated).toBe(Object.keys(steps).length);
    // The rushed run did not do every step fully, so not every "fully" matches the marks.
    expect(progress.selfRating?.matched).toBeLessThan(Object.keys(steps).length);
  });

  it('a retry: says which reply (counted from 1) it started again from', () => {
    const attempt = { ...playAttempt('a3', BEST), parentId: 'a1', forkAt: 2 };
    expect(debriefProgressOf(attempt, actions).branchOf).toBe(3);
    // A parent without a fork position (never written by the game) is not called a retry.
    expect(debriefProgressOf({ ...attempt, forkAt: null }, actions).branchOf).toBeNull();
  });

  it('hands back the reflection saved before, so the form opens filled', () => {
    const attempt = { ...playAttempt('a4', BEST), reflection };
    expect(debriefProgressOf(attempt, actions).reflection).toEqual(reflection);
  });
});

import { describe, expect, it } from 'vitest';
import { replayScore } from '../../src/progress/index.ts';
import { catalogue, kettle, playAttempt } from './fixtures.ts';

const RECEIPT_FIRST = ['opening.1', 'receipt.1', 'details.1', 'remedy.1', 'thanks.1'];

describe('replayScore: a saved attempt scored again for the evidence record’s “why” line', () => {
  it('gives the run’s score when the saved band, percent and limits agree', () => {
    const attempt = playAttempt('a1', RECEIPT_FIRST);
    const score = replayScore(kettle, catalogue, attempt, ['fault']);
    expect(score?.score).toMatchObject({ percent: 87.5, band: 'Merit', limits: ['fault'] });
    expect(score?.faults.map((fault) => fault.choice)).toEqual(['opening.1']);
  });

  it('gives nothing when the saved limits, band or scenario differ from scoring today', () => {
    const attempt = playAttempt('a2', RECEIPT_FIRST);
    expect(replayScore(kettle, catalogue, attempt, [])).toBeNull();
    expect(replayScore(kettle, catalogue, { ...attempt, band: 'Distinction' }, ['fault'])).toBeNull();
    expect(replayScore(kettle, catalogue, { ...attempt, fingerprint: 'older' }, ['fault'])).toBeNull();
  });
});

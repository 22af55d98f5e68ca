import { describe, expect, it } from 'vitest';
import {
  bandFor,
  type LimitId,
  limitIds,
  limitMask,
  roundPercent,
  tidyMarks,
} from '../../src/scoring/index.ts';

describe('roundPercent', () => {
  it('rounds half up to one decimal place', () => {
    expect(roundPercent(4.5, 8)).toBe(56.3);
    expect(roundPercent(2.5, 8)).toBe(31.3);
    expect(roundPercent(6.25, 8)).toBe(78.1);
    expect(roundPercent(7, 8)).toBe(87.5);
    expect(roundPercent(1, 3)).toBe(33.3);
    expect(roundPercent(2, 3)).toBe(66.7);
  });

  it('is not thrown off by float error in summed credits', () => {
    // 0.1 + 0.2 + … sums land a hair off the exact value.
    expect(roundPercent(tidyMarks(0.1 + 0.2 + 0.325), 1)).toBe(62.5);
    expect(roundPercent(0.1 + 0.2 + 0.325, 1)).toBe(62.5);
    expect(roundPercent(0, 8)).toBe(0);
    expect(roundPercent(8, 8)).toBe(100);
  });
});

describe('bandFor', () => {
  it('applies the thresholds to the rounded percent', () => {
    expect(bandFor(85, 0)).toBe('Distinction');
    expect(bandFor(84.9, 0)).toBe('Merit');
    expect(bandFor(70, 0)).toBe('Merit');
    expect(bandFor(50, 0)).toBe('Pass');
    expect(bandFor(49.9, 0)).toBe('Not yet achieved');
  });

  it('applies each limit of scoring v2 as a cap, never as a raise', () => {
    const at = (percent: number, ...ids: LimitId[]) => bandFor(percent, limitMask(ids));
    for (const id of ['missed-step', 'missed-essential', 'outcome'] as const) {
      expect(at(100, id)).toBe('Pass');
      expect(at(60, id)).toBe('Pass');
      expect(at(40, id)).toBe('Not yet achieved');
    }
    expect(at(100, 'fault')).toBe('Merit');
    expect(at(75, 'fault')).toBe('Merit');
    expect(at(55, 'fault')).toBe('Pass');
    expect(at(100, 'fault', 'outcome')).toBe('Pass');
    expect(at(100, 'critical-fault')).toBe('Not yet achieved');
    expect(at(100, 'fault', 'critical-fault')).toBe('Not yet achieved');
  });

  it('names the limits of a mask in the contract order', () => {
    const all: LimitId[] = ['missed-step', 'missed-essential', 'outcome', 'fault', 'critical-fault'];
    expect(limitIds(limitMask([...all].reverse()))).toEqual(all);
    expect(limitIds(0)).toEqual([]);
  });
});

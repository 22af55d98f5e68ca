import { describe, expect, it } from 'vitest';
import { bandFor, roundPercent, tidyMarks } from '../../src/scoring/index.ts';

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
    expect(bandFor(85, false, false)).toBe('Distinction');
    expect(bandFor(84.9, false, false)).toBe('Merit');
    expect(bandFor(70, false, false)).toBe('Merit');
    expect(bandFor(50, false, false)).toBe('Pass');
    expect(bandFor(49.9, false, false)).toBe('Not yet achieved');
  });

  it('caps a run that missed a step at Pass, and a critical fault at Not yet achieved', () => {
    expect(bandFor(100, true, false)).toBe('Pass');
    expect(bandFor(40, true, false)).toBe('Not yet achieved');
    expect(bandFor(100, false, true)).toBe('Not yet achieved');
  });
});

import { describe, expect, it } from 'vitest';
import { forkColumns } from '../../src/game/presenter/forkColumns.ts';

describe('forkColumns', () => {
  it('gives each reply a column as wide as its words, with room for the marks when shown', () => {
    expect(forkColumns(['Sorry.', '  A longer reply here.  '], false)).toBe(
      'minmax(11.5rem, 166fr) minmax(11.5rem, 180fr)',
    );
    expect(forkColumns(['Sorry.'], true)).toBe('minmax(11.5rem, 226fr)');
  });
});

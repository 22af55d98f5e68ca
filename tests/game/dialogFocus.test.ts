import { describe, expect, it } from 'vitest';
import { tabWrap } from '../../src/game/ui/dialogFocus.ts';

describe('tabWrap: Tab stays inside a modal dialog', () => {
  it('wraps Tab from the last stop to the first, and Shift+Tab from the first to the last', () => {
    expect(tabWrap(3, { stop: 2 }, false)).toBe(0);
    expect(tabWrap(3, { stop: 0 }, true)).toBe(2);
  });

  it('leaves the browser its own order between the ends (radio groups, arrow keys)', () => {
    expect(tabWrap(3, { stop: 0 }, false)).toBeNull();
    expect(tabWrap(3, { stop: 1 }, false)).toBeNull();
    expect(tabWrap(3, { stop: 2 }, true)).toBeNull();
  });

  it('from a focused heading that is not a stop: forward is the browser’s, back wraps to the last', () => {
    // The heading comes before every stop (the usual place for a dialog's heading).
    expect(tabWrap(4, { before: 0 }, false)).toBeNull();
    expect(tabWrap(4, { before: 0 }, true)).toBe(3);
    // Something focused after every stop: forward wraps to the first.
    expect(tabWrap(4, { before: 4 }, false)).toBe(0);
    expect(tabWrap(4, { before: 4 }, true)).toBeNull();
  });

  it('does nothing in a dialog with no stops (the browser keeps focus on the dialog)', () => {
    expect(tabWrap(0, { before: 0 }, false)).toBeNull();
    expect(tabWrap(0, { before: 0 }, true)).toBeNull();
  });

  it('a single stop wraps to itself both ways', () => {
    expect(tabWrap(1, { stop: 0 }, false)).toBe(0);
    expect(tabWrap(1, { stop: 0 }, true)).toBe(0);
  });
});

/**
 * Where Tab goes at the edges of a modal dialog, as a pure function of the
 * dialog's tab stops (so it is tested in Node: tests/game/dialogFocus.test.ts).
 *
 * `at` places the focused element among the `count` tab stops in page order:
 * `{ stop: i }` when it is stop i, `{ before: k }` when it is not a stop
 * itself (a heading given focus) and k stops come before it.
 * Returns the stop to move to when Tab would leave the dialog, and null when
 * the browser's own next stop is inside it (so radio groups keep their order).
 */
export type FocusPlace = { readonly stop: number } | { readonly before: number };

export function tabWrap(count: number, at: FocusPlace, back: boolean): number | null {
  if (count === 0) return null;
  const next = 'stop' in at ? at.stop + (back ? -1 : 1) : back ? at.before - 1 : at.before;
  if (next < 0) return count - 1;
  if (next >= count) return 0;
  return null;
}

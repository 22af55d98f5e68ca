/**
 * The order rule of scoring v2 on flat data, allocation-free, so that
 * `scoreRun` and the analysis (hundreds of thousands of runs) share it.
 *
 * A row is one model's steps, slots base .. base + count − 1. Slot s keeps the
 * 1-based run positions at which some reply gave its step credit, ascending,
 * at positions[s × stride .. s × stride + counts[s] − 1].
 *
 * The rule: take the largest set of performed steps that can each be placed at
 * one of its positions so that the positions never decrease in the model's
 * order (equal positions are in order); among equally large sets, the one whose
 * step indices, compared from the model's first step, have the earlier step at
 * the first difference. A step is in order when it is in that set.
 */

/** No position: larger than any run position. */
const NONE = 0x7fffffff;

/** The smallest position of slot `slot` that is at least `from`, or NONE. Binary search: positions ascend. */
function placeFrom(
  positions: Int32Array,
  stride: number,
  counts: Int32Array,
  slot: number,
  from: number,
): number {
  const n = counts[slot] as number;
  if (n === 0) return NONE;
  let lo = slot * stride;
  let hi = lo + n;
  if ((positions[hi - 1] as number) < from) return NONE;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return positions[lo] as number;
}

/**
 * How many of the steps i0 .. count − 1 of the row can be placed in order at
 * positions ≥ `from`. A longest-chain table: `lowest[l]` is the lowest last
 * position of an ordered placement of l steps so far (greedy placement at the
 * smallest position that fits is never worse, so keeping the lowest suffices).
 */
function longestFrom(
  positions: Int32Array,
  stride: number,
  counts: Int32Array,
  base: number,
  i0: number,
  count: number,
  from: number,
  lowest: Int32Array,
): number {
  let longest = 0;
  lowest[0] = from;
  for (let i = i0; i < count; i++) {
    const slot = base + i;
    if ((counts[slot] as number) === 0) continue;
    // From the longest down, so the step extends placements made before it, never itself.
    for (let l = longest; l >= 0; l--) {
      const at = placeFrom(positions, stride, counts, slot, lowest[l] as number);
      if (at === NONE) continue;
      if (l === longest) {
        longest++;
        lowest[longest] = at;
      } else if (at < (lowest[l + 1] as number)) lowest[l + 1] = at;
    }
  }
  return longest;
}

/** Scratch for `placeInOrder`: one entry per step, plus one. */
export function orderScratch(steps: number): Int32Array {
  return new Int32Array(steps + 1);
}

/**
 * Writes inOrder (1 or 0) for each step of the row into `inOrder[base + i]`
 * and returns how many are in order. `scratch` has at least count + 1 entries.
 *
 * The set is built from the model's first step forwards: a step joins when
 * placing it at its lowest position that fits still lets the steps after it
 * make up the largest size. That gives the largest set whose step indices come
 * first at the first difference, as the contract asks.
 */
export function placeInOrder(
  positions: Int32Array,
  stride: number,
  counts: Int32Array,
  base: number,
  count: number,
  inOrder: Uint8Array,
  scratch: Int32Array,
): number {
  // The usual case: the steps' first positions never decrease in model order, so every
  // performed step is placed at its first position and all of them are in order.
  let placed = 0;
  let last = 0;
  for (let i = 0; i < count; i++) {
    const slot = base + i;
    if ((counts[slot] as number) === 0) {
      inOrder[slot] = 0;
      continue;
    }
    const first = positions[slot * stride] as number;
    if (first < last) {
      placed = -1;
      break;
    }
    last = first;
    inOrder[slot] = 1;
    placed++;
  }
  if (placed >= 0) return placed;
  const largest = longestFrom(positions, stride, counts, base, 0, count, 1, scratch);
  placed = 0;
  let from = 1;
  for (let i = 0; i < count; i++) {
    const slot = base + i;
    inOrder[slot] = 0;
    if (placed === largest) continue;
    const at = placeFrom(positions, stride, counts, slot, from);
    if (at === NONE) continue;
    if (placed + 1 + longestFrom(positions, stride, counts, base, i + 1, count, at, scratch) < largest)
      continue;
    inOrder[slot] = 1;
    placed++;
    from = at;
  }
  return placed;
}

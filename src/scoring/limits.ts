import type { Band, LimitId } from './types.ts';

/** Bands from best to worst; analysis compares runs by this rank. */
export const BANDS: readonly Band[] = ['Distinction', 'Merit', 'Pass', 'Not yet achieved'];

/**
 * The limits of scoring v2, in the contract's order, each with the best band
 * (as its rank in `BANDS`) a run it holds for can reach. `bit` is its flag in
 * a limit mask, so the analysis can carry a run's limits as one number.
 */
export const LIMITS: readonly { readonly id: LimitId; readonly bit: number; readonly atMost: number }[] = [
  { id: 'missed-step', bit: 1, atMost: 2 },
  { id: 'missed-essential', bit: 2, atMost: 2 },
  { id: 'outcome', bit: 4, atMost: 2 },
  { id: 'fault', bit: 8, atMost: 1 },
  { id: 'critical-fault', bit: 16, atMost: 3 },
];

/** Limit flags, for masks. */
export const MISSED_STEP = 1;
export const MISSED_ESSENTIAL = 2;
export const OUTCOME_BELOW_BEST = 4;
export const ANY_FAULT = 8;
export const CRITICAL_FAULT = 16;

/** The band rank (0 = Distinction) of a rounded percent before any limit. */
export function percentRank(percent: number): number {
  return percent >= 85 ? 0 : percent >= 70 ? 1 : percent >= 50 ? 2 : 3;
}

/**
 * The band, as its rank in `BANDS`, for a rounded percent and the limits that
 * hold (a mask of the flags above): the percent's band, then each limit applied
 * in the contract's order, each making the band at most its cap.
 */
export function bandRankFor(percent: number, limits: number): number {
  let rank = percentRank(percent);
  if (limits === 0) return rank;
  for (const limit of LIMITS) if ((limits & limit.bit) !== 0 && rank < limit.atMost) rank = limit.atMost;
  return rank;
}

/** The band for a rounded percent and a mask of the limits that hold. */
export function bandFor(percent: number, limits: number): Band {
  return BANDS[bandRankFor(percent, limits)] ?? 'Not yet achieved';
}

/** A limit mask as the contract's `score.limits`: every limit that holds, in the table's order. */
export function limitIds(limits: number): LimitId[] {
  const ids: LimitId[] = [];
  for (const limit of LIMITS) if ((limits & limit.bit) !== 0) ids.push(limit.id);
  return ids;
}

/** The mask of a list of limit ids (the inverse of `limitIds`). */
export function limitMask(ids: readonly LimitId[]): number {
  let mask = 0;
  for (const limit of LIMITS) if (ids.includes(limit.id)) mask |= limit.bit;
  return mask;
}

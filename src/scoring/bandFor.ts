import type { Band } from './types.ts';

/** Bands from best to worst; analysis compares runs by this rank. */
export const BANDS: readonly Band[] = ['Distinction', 'Merit', 'Pass', 'Not yet achieved'];

/**
 * The band for a rounded percent, as its rank in `BANDS` (0 = Distinction), with the two
 * caps: a missed step makes it at most Pass; a critical fault makes it Not yet achieved
 * whatever the percent. `bandFor` is written with it.
 */
export function bandRankFor(percent: number, missedStep: boolean, criticalFault: boolean): number {
  if (criticalFault) return 3;
  const rank = percent >= 85 ? 0 : percent >= 70 ? 1 : percent >= 50 ? 2 : 3;
  return missedStep && rank < 2 ? 2 : rank;
}

/**
 * The band for a rounded percent, with the two caps: a missed step makes it
 * at most Pass; a critical fault makes it Not yet achieved whatever the percent.
 */
export function bandFor(percent: number, missedStep: boolean, criticalFault: boolean): Band {
  return BANDS[bandRankFor(percent, missedStep, criticalFault)] ?? 'Not yet achieved';
}

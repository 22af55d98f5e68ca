import type { Band } from './types.ts';

/** Bands from best to worst; analysis compares runs by this rank. */
export const BANDS: readonly Band[] = ['Distinction', 'Merit', 'Pass', 'Not yet achieved'];

/**
 * The band for a rounded percent, with the two caps: a missed step makes it
 * at most Pass; a critical fault makes it Not yet achieved whatever the percent.
 */
export function bandFor(percent: number, missedStep: boolean, criticalFault: boolean): Band {
  if (criticalFault) return 'Not yet achieved';
  const band: Band =
    percent >= 85 ? 'Distinction' : percent >= 70 ? 'Merit' : percent >= 50 ? 'Pass' : 'Not yet achieved';
  if (missedStep && (band === 'Distinction' || band === 'Merit')) return 'Pass';
  return band;
}

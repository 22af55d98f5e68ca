/** The scoring folder's one door: (run, model) → steps, faults, band, KPIs, marking points. */
export type * from './types.ts';

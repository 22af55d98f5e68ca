import type { Outcome } from '../scenario/index.ts';
import type { NpsCategory, RunScore } from './types.ts';

/** CSAT, NPS and first-contact resolution from the final mood and the outcome (null while the run is going). */
export function kpisFor(moodEnd: number, outcome: Outcome | null): RunScore['kpis'] {
  const csat = 1 + Math.min(4, Math.floor(moodEnd / 20));
  const npsScore = Math.floor(moodEnd / 10 + 0.5);
  const nps: NpsCategory = npsScore >= 9 ? 'promoter' : npsScore >= 7 ? 'passive' : 'detractor';
  return { csat, npsScore, nps, fcr: outcome === 'resolved' };
}

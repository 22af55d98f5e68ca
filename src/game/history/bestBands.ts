import type { Attempt } from '../../progress/index.ts';
import { BANDS } from '../../scoring/index.ts';
import type { BestBands } from '../ui/MenuView.ts';

/**
 * The menu's progress data: each scenario's best band so far, per model, from
 * the finished attempts (the band each was given under the model it was played
 * under, as its debrief showed it).
 */
export function bestBands(attempts: readonly Attempt[]): BestBands {
  const best = new Map<string, Map<string, Attempt['band']>>();
  for (const attempt of attempts) {
    let byModel = best.get(attempt.scenarioId);
    if (byModel === undefined) {
      byModel = new Map();
      best.set(attempt.scenarioId, byModel);
    }
    const held = byModel.get(attempt.model);
    if (held === undefined || BANDS.indexOf(attempt.band) < BANDS.indexOf(held))
      byModel.set(attempt.model, attempt.band);
  }
  return best;
}

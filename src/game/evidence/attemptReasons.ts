import { type Attempt, replayScore } from '../../progress/index.ts';
import type { LimitId, RunScore } from '../../scoring/index.ts';
import type { GameShell } from '../GameShell.ts';
import { bandReasons } from '../ui/bandReasons.ts';

/**
 * The debrief's "why" line for a saved attempt, when the attempt carries the
 * limits that held and scoring the replies again gives the same result
 * (`replayScore`). Null for attempts whose limits are not known (scored under the earlier rules).
 */
export function attemptReasons(attempt: Attempt, shell: GameShell): HTMLElement | null {
  const score = attemptScore(attempt, shell);
  const scenario = shell.library.scenario(attempt.scenarioId);
  const model = shell.library.model(attempt.model);
  if (score === null || scenario === undefined || model === undefined) return null;
  return bandReasons(score, scenario, model, shell.library.catalogue);
}

/** The attempt scored again, when that gives exactly what was saved (see `attemptReasons`); null otherwise. */
export function attemptScore(attempt: Attempt, shell: GameShell): RunScore | null {
  const limits = savedLimits(attempt);
  const scenario = shell.library.scenario(attempt.scenarioId);
  if (limits === null || scenario === undefined) return null;
  return replayScore(scenario, shell.library.catalogue, attempt, limits);
}

/** The limits that held for the model the attempt was played under, or null when they are not known. */
function savedLimits(attempt: Attempt): readonly LimitId[] | null {
  return attempt.results.find((result) => result.model === attempt.model)?.limits ?? null;
}

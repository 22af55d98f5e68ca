import { type Attempt, rescoreAttempt } from '../../progress/index.ts';
import { LIMITS, type LimitId } from '../../scoring/index.ts';
import type { GameShell } from '../GameShell.ts';
import { bandReasons } from '../ui/bandReasons.ts';

/**
 * The debrief's "why" line for a saved attempt, when the attempt carries the
 * limits that held and scoring the replies again gives the same result
 * (`rescoreAttempt`). Null for attempts saved without limits.
 */
export function attemptReasons(attempt: Attempt, shell: GameShell): HTMLElement | null {
  const limits = savedLimits(attempt);
  const scenario = shell.library.scenario(attempt.scenarioId);
  const model = shell.library.model(attempt.model);
  if (limits === null || scenario === undefined || model === undefined) return null;
  const { catalogue } = shell.library;
  const score = rescoreAttempt(scenario, catalogue, attempt, limits);
  return score === null ? null : bandReasons(score, scenario, model, catalogue);
}

const LIMIT_IDS: readonly string[] = LIMITS.map((limit) => limit.id);

/**
 * The attempt's `limits`, if it has them. TODO(attempt limits): saved attempts
 * gain `limits` in src/progress/schema.ts on another branch; until that lands
 * the field is read without its type, and is absent (null here) on every attempt.
 */
function savedLimits(attempt: Attempt): readonly LimitId[] | null {
  const limits: unknown = (attempt as { readonly limits?: unknown }).limits;
  if (!Array.isArray(limits)) return null;
  const ids = limits.filter((id): id is LimitId => typeof id === 'string' && LIMIT_IDS.includes(id));
  return ids.length === limits.length ? ids : null;
}

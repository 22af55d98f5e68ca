import type { Library } from '../library/Library.ts';
import type { PresenterRequest } from '../presenter/keys.ts';
import { isMode } from './mode.ts';
import { seedParam } from './newSeed.ts';
import type { RoleplayRequest } from './RoleplayRequest.ts';

export type DeepLink =
  | { readonly kind: 'none' }
  | { readonly kind: 'roleplay'; readonly request: RoleplayRequest }
  | { readonly kind: 'presenter'; readonly request: PresenterRequest }
  | { readonly kind: 'invalid' };

/**
 * `?scenario=<id>&model=<id>&mode=practice|assessment|presenter[&seed=<n>]` → a role-play (or
 * presenter mode) to open directly; `seed` fixes the order of the replies (tests and demos).
 */
export function parseDeepLink(search: string, library: Library): DeepLink {
  const params = new URLSearchParams(search);
  const scenarioId = params.get('scenario');
  if (scenarioId === null) return { kind: 'none' };
  const scenario = library.scenario(scenarioId);
  if (scenario === undefined) return { kind: 'invalid' };
  const modelParam = params.get('model');
  const modelId = modelParam ?? scenario.models[0] ?? library.models[0]?.id;
  if (modelId === undefined || library.model(modelId) === undefined) return { kind: 'invalid' };
  const modeParam = params.get('mode');
  const seed = seedParam(search);
  const fixed = seed === null ? {} : { seed };
  // `mode=presenter` opens the tutor tools' presenter mode (src/game/presenter) for a class.
  if (modeParam === 'presenter') return { kind: 'presenter', request: { scenarioId, modelId, ...fixed } };
  if (modeParam !== null && !isMode(modeParam)) return { kind: 'invalid' };
  return { kind: 'roleplay', request: { scenarioId, modelId, mode: modeParam ?? 'practice', ...fixed } };
}

/** The address that opens this role-play directly. */
export function deepLinkFor(request: RoleplayRequest): string {
  const params = new URLSearchParams({
    scenario: request.scenarioId,
    model: request.modelId,
    mode: request.mode,
  });
  // A seed fixed by the address stays in it, so a reload or a copied link shows the same order.
  if (request.seed !== undefined) params.set('seed', String(request.seed));
  return `?${params.toString()}`;
}

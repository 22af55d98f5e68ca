import type { ConversationSession } from '../../engine/index.ts';
import type { Library } from '../library/Library.ts';
import type { DeepLink } from '../session/deepLink.ts';
import type { RoleplayRequest } from '../session/RoleplayRequest.ts';
import { LmsBridge } from './LmsBridge.ts';
import { startLms } from './startLms.ts';

/** The one bridge of this page (none until `connectLms`). */
let active: LmsBridge = LmsBridge.none();

/**
 * Called once by main.ts: connects to the LMS/LRS that launched the page, and
 * opens the run saved in the LMS when the address asks for nothing else.
 * A launch that names a role-play (a single-scenario package) is the only
 * one reported.
 */
export function connectLms(win: Window, link: DeepLink, library: Library): DeepLink {
  active = startLms(win);
  if (link.kind === 'roleplay') {
    active.only(link.request);
    return link;
  }
  const saved = active.savedRun;
  if (link.kind !== 'none' || saved === null) return link;
  if (library.scenario(saved.scenario) === undefined || library.model(saved.model) === undefined) return link;
  const request: RoleplayRequest = { scenarioId: saved.scenario, modelId: saved.model, mode: saved.mode };
  return { kind: 'roleplay', request };
}

/** Called by the role-play scene for each new session: resume from the LMS and report to it. */
export function trackRoleplay(
  session: ConversationSession,
  request: RoleplayRequest,
  library: Library,
): void {
  const scenario = library.scenario(request.scenarioId);
  const model = library.model(request.modelId);
  if (scenario === undefined || model === undefined) return;
  try {
    active.track(session, { scenario, model, catalogue: library.catalogue, mode: request.mode });
  } catch {
    // Reporting must never stop play.
  }
}

/** The page's bridge (for tests and diagnostics: `window.__lms` is not exposed). */
export function activeLms(): LmsBridge {
  return active;
}

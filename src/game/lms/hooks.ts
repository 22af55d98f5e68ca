import type { ConversationSession } from '../../engine/index.ts';
import type { Library } from '../library/Library.ts';
import type { DeepLink } from '../session/deepLink.ts';
import type { RoleplayRequest } from '../session/RoleplayRequest.ts';
import type { RunSeed } from '../session/RunSeed.ts';
import { STRINGS } from '../strings.ts';
import { h } from '../ui/dom.ts';
import type { LmsBridge } from './LmsBridge.ts';
import { readXapiLaunch } from './launchConfig.ts';
import { type FrameLike, findScormApi } from './scormApi.ts';

/** The one bridge of this page: null when nothing launched it (then nothing is reported). */
let active: LmsBridge | null = null;

/**
 * Whether an LMS or LRS launched the page: a SCORM API in a parent frame or the
 * opener, or an xAPI or cmi5 launch link. Only then is the LMS runtime fetched
 * (a learner on the plain web page never loads it).
 */
export function lmsLaunched(win: FrameLike & { readonly location: { readonly search: string } }): boolean {
  try {
    return findScormApi(win) !== null || readXapiLaunch(win.location.search).kind !== 'none';
  } catch {
    return false;
  }
}

/**
 * Called once by main.ts when `lmsLaunched`: fetches the LMS runtime, connects
 * to the LMS/LRS that launched the page, and opens the run saved in the LMS
 * when the address asks for nothing else. A launch that names a role-play (a
 * single-scenario package) is the only one reported. If the runtime cannot be
 * fetched, the learner can still play: a message says results will not reach
 * the course.
 */
export async function connectLms(win: Window, link: DeepLink, library: Library): Promise<DeepLink> {
  try {
    const { startLms } = await import('./startLms.ts');
    active = startLms(win);
  } catch {
    showUnavailable(win.document);
    return link;
  }
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

function showUnavailable(doc: Document): void {
  const close = h('button', { type: 'button', class: 'button secondary' }, STRINGS.lazy.close);
  const notice = h(
    'div',
    { class: 'notice lazy-error lms-unavailable', role: 'alert', 'data-testid': 'lms-unavailable' },
    h('p', {}, STRINGS.lazy.lmsUnavailable),
    close,
  );
  close.addEventListener('click', () => notice.remove());
  doc.body.append(notice);
}

/** Called by the role-play scene for each new session: resume from the LMS (with the run's reply-order seed) and report to it. */
export function trackRoleplay(
  session: ConversationSession,
  request: RoleplayRequest,
  library: Library,
  seed: RunSeed,
): void {
  const scenario = library.scenario(request.scenarioId);
  const model = library.model(request.modelId);
  if (active === null || scenario === undefined || model === undefined) return;
  try {
    active.track(session, { scenario, model, catalogue: library.catalogue, mode: request.mode }, seed);
  } catch {
    // Reporting must never stop play.
  }
}

/** The page's bridge, or null without an LMS (for tests and diagnostics: `window.__lms` is not exposed). */
export function activeLms(): LmsBridge | null {
  return active;
}

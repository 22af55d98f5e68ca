import type { Scenario } from '../../scenario/index.ts';
import type { Library } from '../library/Library.ts';
import type { DeepLink } from '../run/deepLink.ts';
import type { LearnerRun, LmsResume, ResumeOffer, RunObserver } from '../run/index.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { STRINGS } from '../strings.ts';
import { h } from '../ui/dom.ts';
import type { LmsBridge, TrackRequest } from './LmsBridge.ts';
import { readXapiLaunch } from './launchConfig.ts';
import { type FrameLike, findScormApi } from './scormApi.ts';

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

type LibraryLike = Pick<Library, 'scenario' | 'model' | 'catalogue'>;

/**
 * The LMS or LRS that launched this page, as the game's runs see it: a place a
 * run resumes from (its suspend data) and an observer that reports each run
 * to it. Made once in main.ts; without a launch it holds no bridge and does nothing.
 */
export class PageLms implements LmsResume, RunObserver {
  private bridge: LmsBridge | null = null;
  private library: LibraryLike | null = null;

  /** A page LMS around a bridge already connected (what `connect` makes once it has fetched the runtime; tests). */
  static around(bridge: LmsBridge, library: LibraryLike): PageLms {
    const lms = new PageLms();
    lms.bridge = bridge;
    lms.library = library;
    return lms;
  }
  private readonly following = new Map<LearnerRun, () => void>();

  /**
   * Called once by main.ts when `lmsLaunched`: fetches the LMS runtime,
   * connects to the LMS/LRS that launched the page, and opens the run saved in
   * the LMS when the address asks for nothing else. A launch that names a
   * role-play (a single-scenario package) is the only one reported. If the
   * runtime cannot be fetched, the learner can still play: a message says
   * results will not reach the course.
   */
  async connect(win: Window, link: DeepLink, library: Library): Promise<DeepLink> {
    let bridge: LmsBridge;
    try {
      const { startLms } = await import('./startLms.ts');
      bridge = startLms(win);
    } catch {
      showUnavailable(win.document);
      return link;
    }
    this.bridge = bridge;
    this.library = library;
    if (link.kind === 'roleplay') {
      bridge.only(link.request);
      return link;
    }
    const saved = bridge.savedRun;
    if (link.kind !== 'none' || saved === null) return link;
    if (library.scenario(saved.scenario) === undefined || library.model(saved.model) === undefined)
      return link;
    const request: RoleplayRequest = { scenarioId: saved.scenario, modelId: saved.model, mode: saved.mode };
    return { kind: 'roleplay', request };
  }

  /** The LMS's saved run of this role-play, asked once per page (see `LmsBridge.offer`). */
  offer(request: RoleplayRequest, scenario: Scenario): ResumeOffer | null {
    const model = this.library?.model(request.modelId);
    if (this.bridge === null || this.library === null || model === undefined) return null;
    return this.bridge.offer({ scenario, model, catalogue: this.library.catalogue, mode: request.mode });
  }

  started(run: LearnerRun): void {
    const bridge = this.bridge;
    if (bridge === null) return;
    const request: TrackRequest = {
      scenario: run.scenario,
      model: run.model,
      catalogue: run.catalogue,
      mode: run.request.mode,
      // Read when each reply is reported: the run has kept its entry by then (LearnerRun.choose).
      said: (at) => run.saved.said?.find((entry) => entry.at === at),
    };
    this.following.set(run, bridge.follow(run, request));
  }

  closed(run: LearnerRun): void {
    this.following.get(run)?.();
    this.following.delete(run);
  }

  /** The page's bridge, or null without an LMS (for diagnostics). */
  get active(): LmsBridge | null {
    return this.bridge;
  }
}

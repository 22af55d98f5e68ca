import type { XapiAgent } from '../../lms/index.ts';

/** How this page was asked to report to an LRS, if at all. */
export type XapiLaunch =
  | { readonly kind: 'none' }
  /** A cmi5 launch (the LMS passes endpoint, fetch, actor, registration, activityId). */
  | { readonly kind: 'cmi5' }
  /** An xAPI launch link (`endpoint`, `auth`, `actor`, optional `registration`, `activity_id`), or the tutor's file. */
  | {
      readonly kind: 'xapi';
      readonly endpoint: string;
      readonly auth: string;
      readonly actor: XapiAgent | null;
      readonly registration?: string;
      readonly activityBase?: string;
    };

/** The tutor's optional `lms-config.json` beside index.html. */
export interface TutorConfig {
  readonly xapi?: {
    readonly endpoint?: unknown;
    readonly auth?: unknown;
    readonly activityBase?: unknown;
    /** The LMS's address, used as the learner account's home page. */
    readonly homePage?: unknown;
  };
  /**
   * "Say it your way" (src/game/sayIt, docs/lms.md): `assessment: true` lets
   * learners use it in Assessment; `recordText: true` puts the typed reply in
   * the xAPI statements (otherwise they carry act ids only).
   */
  readonly sayIt?: { readonly assessment?: unknown; readonly recordText?: unknown };
}

/** Whether the tutor's file opts in to sending the learner's typed replies (only `true` does). */
export function recordsSaidText(config: TutorConfig | null): boolean {
  return config?.sayIt?.recordText === true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the launch from the page's query string; anything incomplete or malformed is `none`. */
export function readXapiLaunch(search: string): XapiLaunch {
  const params = new URLSearchParams(search);
  const endpoint = params.get('endpoint');
  if (endpoint === null || !/^https?:\/\//.test(endpoint)) return { kind: 'none' };
  if (params.has('fetch') && params.has('activityId') && params.has('registration') && params.has('actor')) {
    return { kind: 'cmi5' };
  }
  const auth = params.get('auth');
  if (auth === null) return { kind: 'none' };
  const registration = params.get('registration');
  const activity = params.get('activity_id');
  return {
    kind: 'xapi',
    endpoint: withSlash(endpoint),
    auth,
    actor: parseActor(params.get('actor')),
    ...(registration !== null && UUID.test(registration) ? { registration } : {}),
    ...(activity !== null && /^https?:\/\//.test(activity) ? { activityBase: withSlash(activity) } : {}),
  };
}

/** The tutor's file as a launch, when it names an endpoint and credentials. */
export function tutorLaunch(config: TutorConfig | null): XapiLaunch {
  const xapi = config?.xapi;
  if (typeof xapi?.endpoint !== 'string' || typeof xapi.auth !== 'string') return { kind: 'none' };
  if (!/^https?:\/\//.test(xapi.endpoint)) return { kind: 'none' };
  return {
    kind: 'xapi',
    endpoint: withSlash(xapi.endpoint),
    auth: xapi.auth,
    actor: null,
    ...(typeof xapi.activityBase === 'string' ? { activityBase: withSlash(xapi.activityBase) } : {}),
  };
}

/** An agent from an xAPI launch's `actor` JSON (TinCan launches may wrap values in arrays). */
export function parseActor(text: string | null): XapiAgent | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const account = first(raw.account) as Record<string, unknown> | undefined;
    const homePage = first(account?.homePage ?? account?.accountServiceHomePage);
    const name = first(account?.name ?? account?.accountName);
    if (typeof homePage === 'string' && typeof name === 'string') {
      return { objectType: 'Agent', account: { homePage, name } };
    }
    const mbox = first(raw.mbox);
    if (typeof mbox === 'string' && mbox.startsWith('mailto:')) return { objectType: 'Agent', mbox };
    return null;
  } catch {
    return null;
  }
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

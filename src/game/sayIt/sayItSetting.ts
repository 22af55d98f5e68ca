import type { Mode } from '../run/mode.ts';

/**
 * Whether "say it your way" is on: the learner's own switch in Practice
 * (saved in this browser, like the accessibility settings, and off until they
 * turn it on), and in Assessment only when the tutor turns it on (docs/lms.md,
 * "Say it your way"): `"sayIt": { "assessment": true }` in the tutor's
 * lms-config.json beside index.html, or `say-it=on` in the address a tutor
 * hands out for a classroom. Nothing here leaves the device.
 */

/** localStorage: the learner's switch (versioned, so a future format can migrate). */
export const SAY_IT_KEY = 'complaint-sim.say-it.v1';
/** sessionStorage: this tab was opened with the tutor's `say-it=on` address (the role-play rewrites the address). */
export const SAY_IT_TAB_KEY = 'complaint-sim.say-it.tutor-link';
/** The address parameter a tutor adds for a classroom: `say-it=on`. */
export const SAY_IT_PARAM = 'say-it';

/** Storage as the browser gives it; null where it is refused (private browsing, a locked-down PC). */
type Store = Pick<Storage, 'getItem' | 'setItem'> | null;

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The learner's switch (Practice): off unless they turned it on. */
export function learnerSwitch(store: Store): boolean {
  return safely(() => store?.getItem(SAY_IT_KEY) === 'on', false);
}

export function saveLearnerSwitch(store: Store, on: boolean): void {
  // Refused storage: the switch still holds for this page (the caller keeps it).
  safely(() => store?.setItem(SAY_IT_KEY, on ? 'on' : 'off'), undefined);
}

/**
 * Practice: only remembers a `say-it=on` address for this tab's later
 * Assessment runs. sessionStorage is touched only then: its first use in a
 * page costs 5–10 ms, on the way to a deep link's first reply.
 */
export function rememberTutorLink(search: string, tab: () => Store): void {
  if (new URLSearchParams(search).get(SAY_IT_PARAM) === 'on')
    safely(() => tab()?.setItem(SAY_IT_TAB_KEY, 'on'), undefined);
}

/** Remembers, for this tab, that the address carried the tutor's `say-it=on`; returns whether any address in this tab did. */
export function tutorLinkSeen(search: string, tab: Store): boolean {
  rememberTutorLink(search, () => tab);
  return safely(() => tab?.getItem(SAY_IT_TAB_KEY) === 'on', false);
}

/** What the tutor's lms-config.json says about "say it your way" (anything else is off). */
export interface TutorSayIt {
  /** Learners may use it in Assessment. */
  readonly assessment: boolean;
  /** xAPI statements may carry the typed text (otherwise act ids only). */
  readonly recordText: boolean;
}

export function tutorSayIt(config: unknown): TutorSayIt {
  const block =
    typeof config === 'object' && config !== null ? (config as Record<string, unknown>).sayIt : undefined;
  const fields = typeof block === 'object' && block !== null ? (block as Record<string, unknown>) : {};
  return { assessment: fields.assessment === true, recordText: fields.recordText === true };
}

/** Whether the learner may switch it on in this mode. */
export function allowedIn(
  mode: Mode,
  tutor: { readonly link: boolean; readonly config: TutorSayIt },
): boolean {
  return mode === 'practice' || tutor.link || tutor.config.assessment;
}

/** The tutor's lms-config.json, if there is one beside the page (offline or missing: none). */
export async function readTutorSayIt(win: Window): Promise<TutorSayIt> {
  try {
    const response = await win.fetch(new URL('./lms-config.json', win.location.href), { cache: 'no-store' });
    return tutorSayIt(response.ok ? await response.json() : null);
  } catch {
    return tutorSayIt(null);
  }
}

/**
 * Helpers shared by the accessibility and voice browser tests (tests/browser/a11y*.browser.test.ts,
 * tests/browser/voice*.browser.test.ts): axe-core with the WCAG 2.2 A/AA tags, a fake Voice
 * injected before the app loads, and a page opened with saved accessibility settings.
 */
import type { Browser, Page } from 'playwright-core';
import { openPage, type WatchedPage } from '../browser/support/browser.ts';

/** The WCAG 2.0, 2.1 and 2.2 level A and AA rule tags axe-core knows. */
/** axe-core's WCAG 2.2 A and AA violations on the page as it is now, one readable line each. */
export { axeViolations, WCAG_TAGS } from '../browser/support/axe.ts';

/** The localStorage key of the accessibility settings (src/game/a11y/SettingsStore.ts). */
export const SETTINGS_KEY = 'complaint-sim.a11y.v1';

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly reducedMotion?: 'reduce' | 'no-preference';
  /** Accessibility settings stored before the app loads (as the learner saved them last time). */
  readonly settings?: Record<string, unknown>;
  /** Install a recording fake Voice (window.__simTestVoice) before the app loads. */
  readonly fakeVoice?: boolean;
}

/** Opens the app with saved settings and/or a fake voice in place before its scripts run. */
export async function openWith(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<WatchedPage> {
  const { settings, fakeVoice, ...size } = options;
  const watched = await openPage(browser, 'about:blank', size);
  const { page } = watched;
  if (settings !== undefined) {
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      SETTINGS_KEY,
      JSON.stringify(settings),
    ] as const);
  }
  if (fakeVoice === true) await page.addInitScript(installFakeVoice);
  await page.goto(url);
  return watched;
}

/** One thing the fake voice was asked to do. */
export type VoiceEvent =
  | { readonly kind: 'speak'; readonly text: string; readonly rate: number }
  | { readonly kind: 'cancel' };

/** Runs in the page before the app: a Voice that records every call into window.__voiceLog. */
function installFakeVoice(): void {
  const log: unknown[] = [];
  const w = window as unknown as Record<string, unknown>;
  w.__voiceLog = log;
  w.__simTestVoice = {
    speak(text: string, options: { rate: number; voiceId: string | null }) {
      log.push({ kind: 'speak', text, rate: options.rate });
    },
    cancel() {
      log.push({ kind: 'cancel' });
    },
    voices() {
      return [
        { id: 'fake-us', name: 'Fake US', lang: 'en-US', isDefault: true },
        { id: 'fake-gb', name: 'Fake UK', lang: 'en-GB', isDefault: false },
      ];
    },
    onVoicesChanged() {
      return () => undefined;
    },
  };
}

export async function voiceLog(page: Page): Promise<VoiceEvent[]> {
  return page.evaluate(() => (window as unknown as { __voiceLog: VoiceEvent[] }).__voiceLog.slice());
}

/** What has focus now, described for a failure message (tag, id, class, text). */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null) return 'null';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${text}"`;
  });
}

/** True when focus is somewhere a keyboard user can act from: not body, not the canvas, not nothing. */
export async function focusIsUseful(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el !== null && el !== document.body && !(el instanceof HTMLCanvasElement) && el.isConnected;
  });
}

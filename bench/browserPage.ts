/**
 * What the browser bench's sections share: launching Chromium with software
 * WebGL, fresh contexts, and the scripts run inside the page. The in-page
 * scripts are strings, because tsx names functions with a `__name` helper that
 * does not exist in the page.
 */
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEEP_LINK = '?scenario=faulty-kettle&model=LASS&mode=practice';
/** A reply the learner can choose (the app marks the others aria-disabled once one is chosen). */
export const REPLY = 'button.reply:not([aria-disabled])';

/**
 * Chromium with WebGL on SwiftShader (software): what a college PC without a
 * usable GPU, or a remote desktop, gives the app. `--disable-gpu` keeps the
 * compositor in software too; ANGLE's SwiftShader backend still serves WebGL.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  /** Uncaught page errors and console errors seen so far. */
  readonly errors: string[];
}

/** A fresh context (no cache, no storage) and one page in it, with a CDP session; nothing loaded yet. */
export async function freshPage(
  browser: Browser,
  motion: 'reduce' | 'no-preference',
  initScripts: readonly string[] = [],
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'en-GB',
    reducedMotion: motion,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  for (const script of initScripts) await page.addInitScript(script);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors };
}

/**
 * Records, from navigation start, when the first reply button is usable: in
 * the DOM, rendered (`checkVisibility` with opacity and visibility), with a box,
 * and neither disabled nor aria-disabled. Checked on every DOM change and every
 * animation frame until it holds. The app marks nothing itself.
 */
export const MARK_FIRST_REPLY = `(() => {
  const usable = (button) =>
    !button.disabled &&
    !button.hasAttribute('aria-disabled') &&
    button.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    button.getBoundingClientRect().width > 0;
  const check = () => {
    if (window.__benchReady !== undefined) return true;
    const button = document.querySelector('button.reply');
    if (button !== null && usable(button)) {
      window.__benchReady = performance.now();
      return true;
    }
    return false;
  };
  const loop = () => { if (!check()) requestAnimationFrame(loop); };
  document.addEventListener('DOMContentLoaded', () => {
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    requestAnimationFrame(loop);
  });
})();`;

/** Waits for `window.__benchReady` (set by the page or MARK_FIRST_REPLY) and returns it. */
export async function readyAt(opened: Opened, url: string): Promise<number> {
  await opened.page
    // A function, not a string: Playwright evaluates a string predicate with eval, which the app's CSP refuses.
    .waitForFunction(() => (window as { __benchReady?: number }).__benchReady !== undefined, undefined, {
      timeout: 60_000,
    })
    .catch((error: unknown) => {
      throw new Error(`${url}: never ready (${opened.errors.join('; ') || String(error)})`);
    });
  return opened.page.evaluate(() => (window as { __benchReady?: number }).__benchReady ?? Number.NaN);
}

/** In the page: requestAnimationFrame intervals (ms) over the next `windowMs`. */
export const frameProbe = (windowMs: number): string => `new Promise((done) => {
  const times = [];
  const start = performance.now();
  const tick = (now) => {
    times.push(now);
    if (now - start < ${windowMs}) requestAnimationFrame(tick);
    else done(times.slice(1).map((t, i) => t - times[i]));
  };
  requestAnimationFrame(tick);
})`;

/** The WebGL renderer string the page would get (SwiftShader here), or why there is none. */
export const WEBGL_RENDERER = `(() => {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (gl === null) return 'no WebGL';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(info === null ? gl.getParameter(gl.RENDERER) : gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
})()`;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

export const r1 = (x: number): number => Math.round(x * 10) / 10;
export const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Forces a full garbage collection, then reads the heap and the DOM counters. */
export async function memoryNow(cdp: CDPSession): Promise<{
  heapBytes: number;
  nodes: number;
  listeners: number;
  documents: number;
}> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const counters = await cdp.send('Memory.getDOMCounters');
  return {
    heapBytes: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN,
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
    documents: counters.documents,
  };
}

/**
 * Waits until `selector` matches an element in the DOM (or a visible one). Through a locator, not
 * `page.waitForSelector`: that returns an element handle which keeps the element
 * alive in the page until disposed, and would show up as a leak in the memory run.
 */
export function waitFor(
  page: Page,
  selector: string,
  options: { state?: 'attached' | 'visible'; timeout?: number } = {},
): Promise<void> {
  return page
    .locator(selector)
    .first()
    .waitFor({
      state: options.state ?? 'attached',
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    });
}

/**
 * The browser bench: the built app opened on a deep link, against a bare
 * Phaser page built the same way. Both are built into a temporary folder (not
 * dist/, which other work uses), served from 127.0.0.1, and opened in a fresh
 * Chromium context per sample, alternating. Figures:
 * - ready: navigation start → the first reply button in the DOM (app), or
 *   Phaser's first rendered frame (bare page);
 * - frames: requestAnimationFrame intervals over a few seconds once ready;
 * - memory: the JS heap in use once ready, after a forced garbage collection.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { PROJECT_ROOT } from './load.ts';
import { median } from './stats.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEEP_LINK = '?scenario=faulty-kettle&model=LASS&mode=practice';
const FRAME_WINDOW_MS = 3000;

export interface PageSample {
  readonly readyMs: number;
  readonly frameMedianMs: number;
  readonly frameP95Ms: number;
  readonly longFrames: number;
  readonly frames: number;
  readonly heapMB: number;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) file = root;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function buildBoth(dir: string): Promise<{ app: string; bare: string }> {
  const app = path.join(dir, 'app');
  const bare = path.join(dir, 'bare');
  await build({ root: PROJECT_ROOT, logLevel: 'error', build: { outDir: app, emptyOutDir: true } });
  await build({
    root: path.join(PROJECT_ROOT, 'bench', 'browser'),
    configFile: false,
    logLevel: 'error',
    build: { outDir: bare, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  });
  return { app, bare };
}

/** Records, from navigation start, when the first reply button appears (the app marks nothing itself). */
const MARK_FIRST_REPLY = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('button.reply') !== null) {
      window.__benchReady = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
})();`;

/**
 * Runs in the page: requestAnimationFrame intervals over the window. A string, because tsx names
 * functions with a `__name` helper that does not exist in the page.
 */
const FRAME_PROBE = `new Promise((done) => {
  const times = [];
  const start = performance.now();
  const tick = (now) => {
    times.push(now);
    if (now - start < ${FRAME_WINDOW_MS}) requestAnimationFrame(tick);
    else done(times.slice(1).map((t, i) => t - times[i]));
  };
  requestAnimationFrame(tick);
})`;

async function sample(browser: Browser, url: string): Promise<PageSample> {
  // Reduced motion: the customer's line appears at once instead of being typed, so "ready"
  // measures loading and drawing, not the typing animation (about 3 s more for this line).
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARK_FIRST_REPLY);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page
      // A function, not a string: Playwright evaluates a string predicate with eval, which the app's CSP refuses.
      .waitForFunction(() => (window as { __benchReady?: number }).__benchReady !== undefined, undefined, {
        timeout: 60_000,
      })
      .catch((error: unknown) => {
        throw new Error(`${url}: never ready (${errors.join('; ') || String(error)})`);
      });
    const readyMs = await page.evaluate(
      () => (window as { __benchReady?: number }).__benchReady ?? Number.NaN,
    );
    const intervals = (await page.evaluate(FRAME_PROBE)) as number[];
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    if (errors.length > 0) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    const sorted = [...intervals].sort((a, b) => a - b);
    return {
      readyMs,
      frameMedianMs: median(intervals),
      frameP95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
      longFrames: intervals.filter((ms) => ms > 50).length,
      frames: intervals.length,
      heapMB: heap / 1024 / 1024,
    };
  } finally {
    await context.close();
  }
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function summarise(samples: readonly PageSample[]) {
  const m = (pick: (s: PageSample) => number) => r1(median(samples.map(pick)));
  return {
    readyMs: m((s) => s.readyMs),
    frameMedianMs: m((s) => s.frameMedianMs),
    frameP95Ms: m((s) => s.frameP95Ms),
    longFramesPer3s: m((s) => s.longFrames),
    heapMB: m((s) => s.heapMB),
    samples: samples.map((s) => ({
      readyMs: r1(s.readyMs),
      frameP95Ms: r1(s.frameP95Ms),
      heapMB: r1(s.heapMB),
    })),
  };
}

/** The whole browser bench, or the reason it could not run. */
export async function benchBrowser(rounds: number): Promise<object> {
  if (!existsSync(CHROMIUM)) return { measured: false, reason: `no Chromium at ${CHROMIUM}` };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-bench-'));
  const servers: Server[] = [];
  let browser: Browser | null = null;
  try {
    const built = await buildBoth(dir);
    // Each build is served from its own root: the app's asset paths start at /.
    const origin = async (root: string) => {
      const server = await serve(root);
      servers.push(server);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    const appUrl = `${await origin(built.app)}/index.html${DEEP_LINK}`;
    const bareUrl = `${await origin(built.bare)}/index.html`;
    if (!existsSync(path.join(built.app, 'index.html'))) throw new Error('the app build has no index.html');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const samples: { app: PageSample[]; bare: PageSample[] } = { app: [], bare: [] };
    const launched = browser;
    // One unrecorded visit each, then alternate.
    await sample(launched, appUrl);
    await sample(launched, bareUrl);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order)
        samples[which].push(await sample(launched, which === 'app' ? appUrl : bareUrl));
    }
    const app = summarise(samples.app);
    const bare = summarise(samples.bare);
    return {
      measured: true,
      deepLink: DEEP_LINK,
      renderer: 'canvas (the app default; the bare page uses the same)',
      chromium: browser.version(),
      app,
      barePhaser: bare,
      readyRatio: Math.round((app.readyMs / bare.readyMs) * 1000) / 1000,
      extraReadyMs: r1(app.readyMs - bare.readyMs),
      extraHeapMB: r1(app.heapMB - bare.heapMB),
    };
  } catch (error) {
    return { measured: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await browser?.close();
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

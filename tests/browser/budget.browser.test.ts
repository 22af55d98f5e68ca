/**
 * The bundle-size budget (issue 9, scripts/budgets.ts), checked against the
 * build this suite makes, so `npm test` fails when the first load grows past
 * it. Then, in Chromium, that the budget's idea of "the first load" is what a
 * learner's browser really fetches (the menu, and a deep link into a
 * role-play), and that a lazily loaded part which cannot be fetched says so
 * plainly, with "Try again", instead of leaving a blank screen; so does the
 * library file, which every first load fetches (its own data budget).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BudgetReport, formatReport, measure } from '../../scripts/budgets.ts';
import { launchBrowser, openPage, screenshot, waitForStage } from './support/browser.ts';
import { waitForTurn } from './support/roleplay.ts';

const BUDGET_KB = 150;

let browser: Browser;
let report: BudgetReport;

beforeAll(async () => {
  report = measure(inject('appDist'), BUDGET_KB);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The app's own scripts and data files a page requested (dist-relative paths, as the budget names them). */
function recordScripts(page: Page, ending = /\.m?js$/): string[] {
  const origin = new URL(inject('appUrl')).origin;
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && ending.test(url.pathname)) seen.push(url.pathname.replace(/^\//, ''));
  });
  return seen;
}

/** A page with no service worker (a lazy chunk that fails to arrive has no cache to come from); `init` runs before the app. */
async function openUncached(init?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  if (init !== undefined) await page.addInitScript(init);
  return page;
}

const byLoad = (load: 'first' | 'lazy') => report.chunks.filter((c) => c.load === load).map((c) => c.file);

describe('bundle-size budget', () => {
  it(`keeps the first load's JavaScript beyond Phaser within ${BUDGET_KB} KB gzip`, () => {
    expect(report.status, formatReport(report)).toBe('within');
    expect(report.appGzipKB).toBeGreaterThan(0);
    // The tutor tools are split out: the editor (CodeMirror), the map (dagre) and presenter mode are lazy.
    expect(byLoad('lazy').join(' ')).toMatch(/AuthoringScene-/);
    expect(byLoad('lazy').join(' ')).toMatch(/MapDialog-/);
    expect(byLoad('lazy').join(' ')).toMatch(/PresenterScene-/);
    // The library is data the first load fetches, with a budget of its own.
    expect(report.data.map((d) => d.file)).toEqual([expect.stringMatching(/^assets\/library-[\w-]+\.json$/)]);
    expect(report.dataGzipKB).toBeLessThanOrEqual(report.maxDataKB);
  });

  // src/early.ts opens saved progress while Phaser downloads only if it runs before the page's entry
  // has all its modules: an async script of its own, named first (src/game/build/earlyScriptPlugin.ts).
  it('starts saved progress from an async script of its own, under the security policy, and counts it in the first load', async () => {
    const html = readFileSync(path.join(inject('appDist'), 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)];
    expect(scripts).toHaveLength(2);
    const early = scripts.find((m) => / async[ >]/.test(m[0]));
    expect(early?.[0]).toMatch(/type="module" async[^>]* src="\/assets\/early-[\w-]+\.js"/);
    expect(scripts.filter((m) => / async[ >]/.test(m[0]))).toHaveLength(1);
    // After the Content Security Policy's <meta>, which governs only what follows it.
    expect(early?.index).toBeGreaterThan(html.indexOf('http-equiv="Content-Security-Policy"'));
    expect(byLoad('first')).toContain(/src="\/(assets\/early-[\w-]+\.js)"/.exec(early?.[0] ?? '')?.[1]);
    // It runs before Phaser's module is evaluated (which makes canvases to learn what the browser can do).
    const { page, errors } = await openPage(browser, 'about:blank');
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as { seen?: string[] }).seen = seen;
      const open = indexedDB.open.bind(indexedDB);
      indexedDB.open = (...args: Parameters<typeof open>) => {
        seen.push('indexedDB');
        return open(...args);
      };
      const create = document.createElement.bind(document);
      document.createElement = ((tag: string, options?: ElementCreationOptions) => {
        if (tag.toLowerCase() === 'canvas') seen.push('canvas');
        return create(tag, options);
      }) as typeof document.createElement;
    });
    await page.goto(inject('appUrl'));
    await waitForStage(page, 'menu');
    const seen = await page.evaluate(() => (window as { seen?: string[] }).seen ?? []);
    expect(seen[0]).toBe('indexedDB');
    expect(seen).toContain('canvas');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("draws a deep link's customer a task after the role-play's screen, so a turn that is ready is painted first", async () => {
    const { page, errors } = await openPage(browser, 'about:blank');
    await page.addInitScript(() => {
      // The batch of DOM changes (one per task, roughly) in which each thing was first seen.
      const seen: Record<string, number> = {};
      (window as { seen?: Record<string, number> }).seen = seen;
      let batch = 0;
      new MutationObserver((records) => {
        batch++;
        for (const { target } of records) {
          if (!(target instanceof HTMLElement)) continue;
          if (target.id === 'app' && target.dataset.screen === 'roleplay') seen.screen ??= batch;
          if (target.id === 'stage' && target.dataset.look !== undefined) seen.customer ??= batch;
        }
      }).observe(document, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-screen', 'data-look'],
      });
    });
    await page.goto(`${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=practice`);
    await waitForStage(page, 'roleplay');
    await waitForTurn(page);
    const seen = await page.evaluate(() => (window as { seen?: Record<string, number> }).seen ?? {});
    // The stage (setting and figure, 30–45 ms) waits a frame (docs/benchmarks.md, "The first reply").
    expect(seen.screen).toBeGreaterThan(0);
    expect(seen.customer).toBeGreaterThan(seen.screen ?? Number.POSITIVE_INFINITY);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['the menu', '', 'menu'],
    ['a deep link into a role-play', '?scenario=faulty-kettle&model=LASS&mode=practice', 'roleplay'],
  ] as const)(
    'is what %s really fetches: every first-load chunk and no lazy one, and the library file once',
    async (_, query, scene) => {
      const { page, errors } = await openPage(browser, 'about:blank');
      const fetched = recordScripts(page);
      const data = recordScripts(page, /\.json$/);
      await page.goto(`${inject('appUrl')}${query}`);
      await waitForStage(page, scene);
      if (scene === 'roleplay') await waitForTurn(page);
      expect(new Set(fetched)).toEqual(new Set(byLoad('first')));
      // Once: the page's fetch() reuses the request index.html's preload started.
      expect(data).toEqual(report.data.map((d) => d.file));
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});

describe('the art a scene fetches', () => {
  /** The app's SVG files a page requested, by name without the build hash. */
  function recordArt(page: Page): string[] {
    const seen: string[] = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname.match(/([^/]+?)(-[\w-]{8})?\.svg$/);
      if (name?.[1] !== undefined) seen.push(name[1]);
    });
    return seen;
  }

  // Rasterising all seven settings before the first scene cost about 250 ms of a deep link's start (issue 9).
  // The role-play fetches its one setting after its first turn is up (issue 18): waitForStage waits for it.
  it.each([
    ['the menu', '', 'menu', ['shop-counter']],
    [
      'a deep link to a phone call',
      '?scenario=estimated-energy-bill&model=LASS&mode=practice',
      'roleplay',
      ['call-centre'],
    ],
  ] as const)('is only the setting %s draws', async (_, query, scene, expected) => {
    const { page, errors } = await openPage(browser, 'about:blank');
    const fetched = recordArt(page);
    await page.goto(`${inject('appUrl')}${query}`);
    await waitForStage(page, scene);
    if (scene === 'roleplay') await waitForTurn(page);
    expect(fetched).toEqual(expected);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a part of the app that cannot be fetched', () => {
  it.each([
    [
      'cannot be fetched (the network drops before the service worker has it)',
      'network',
      /the connection failed/,
    ],
    ['is missing (a damaged deploy)', 'missing', /the server answered “404 Not Found” for the library file/],
    ['is damaged', 'damaged', /the library file is damaged or incomplete/],
  ] as const)(
    'says plainly, with Reload, when the library file %s, and Reload loads it once it is back',
    async (_, fault, reason) => {
      const page = await openUncached();
      const libraryFile = /\/assets\/library-[\w-]+\.json$/;
      await page.route(libraryFile, (route) =>
        fault === 'network'
          ? route.abort('internetdisconnected')
          : fault === 'missing'
            ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' })
            : route.fulfill({
                status: 200,
                contentType: 'application/json',
                body: '{"catalogue":{},"scenar',
              }),
      );
      await page.goto(`${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=practice`);
      const error = page.locator('[data-testid="library-error"]');
      await error.waitFor();
      expect(await error.getAttribute('role')).toBe('alert');
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('The role-plays could not be loaded: ');
      expect(text).toMatch(reason);
      expect(text).toContain('Reload the page to try again.');
      expect(await page.getAttribute('#app', 'data-screen')).toBe('fetching');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reload');
      if (fault === 'network') await screenshot(page, 'budget-library-failed');
      // The file is back: Reload opens the deep link.
      await page.unroute(libraryFile);
      await page.click('[data-testid="library-reload"]');
      await waitForTurn(page);
      await page.context().close();
    },
  );

  it('shows a message with Try again (not a blank screen), and loads once the network is back', async () => {
    const page = await openUncached();
    await page.goto(inject('appUrl'));
    await waitForStage(page, 'menu');
    await screenshot(page, 'budget-menu');
    // The editor's chunk fails to arrive (offline, never cached).
    const editorChunk = /\/assets\/AuthoringScene-[^/]*\.js$/;
    await page.route(editorChunk, (route) => route.abort('internetdisconnected'));
    await page.click('[data-testid="tutor-tools"]');
    await page.click('[data-testid="open-editor"]');
    const error = page.locator('[data-testid="lazy-error"]');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('The scenario editor could not be loaded');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
    await screenshot(page, 'budget-editor-failed');
    // The network is back: Try again fetches it.
    await page.unroute(editorChunk);
    await page.click('[data-testid="lazy-retry"]');
    await page.waitForSelector('.cm-content');
    await screenshot(page, 'budget-editor-loaded');
    await page.context().close();
  });

  it('says so over the role-play when the map cannot be fetched, and Close gives focus back', async () => {
    const page = await openUncached();
    await page.goto(`${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=practice`);
    await waitForTurn(page);
    await page.route(/\/assets\/MapDialog-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.focus('[data-testid="roleplay-map"]');
    await page.keyboard.press('Enter');
    const error = page.locator('[data-testid="map-loading"] [data-testid="lazy-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('The scenario map could not be loaded');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="map-loading"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'roleplay-map',
    );
    // The role-play carries on underneath.
    await waitForTurn(page);
    await page.context().close();
  });

  it('lets the learner play, and says results cannot reach the course, when an LMS launched the page but its runtime cannot be fetched', async () => {
    // A SCORM 2004 LMS in this window (the runtime is fetched only when one is found).
    const page = await openUncached(
      `window.API_1484_11 = { Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'true', Commit: () => 'true', GetLastError: () => 0 };`,
    );
    const lmsChunk = /\/assets\/startLms-[^/]*\.js$/;
    let asked = false;
    await page.route(lmsChunk, (route) => {
      asked = true;
      return route.abort('internetdisconnected');
    });
    await page.goto(inject('appUrl'));
    const notice = page.locator('[data-testid="lms-unavailable"]');
    await notice.waitFor();
    expect(asked).toBe(true);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('Your results cannot be sent to your course');
    await waitForStage(page, 'menu');
    await screenshot(page, 'budget-lms-unavailable');
    await notice.locator('button').click();
    await notice.waitFor({ state: 'detached' });
    await page.context().close();
  });
});

/**
 * Hostile text in a scenario (tests/browser/fixtures/hostile-library): markup,
 * `javascript:` addresses and template syntax are shown literally on the menu,
 * in the role-play, the map, the debrief and the evidence record, and nothing
 * runs: no dialog, no element the text names, no inline handler, no CSP report.
 * The app is built over the fixture folder here (SIM_SCENARIOS_DIR), as the
 * global setup does for the broken library. See docs/security.md,
 * "Browser: untrusted text".
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage, waitForStage } from './support/browser.ts';
import { replyByKeyFor, waitForLineTyped, waitForTurn } from './support/roleplay.ts';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, 'test-results/build', `hostile-${process.pid}`);
const IMG = '<img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';

let browser: Browser;
let server: PreviewServer;
let url: string;

beforeAll(async () => {
  const previous = process.env.SIM_SCENARIOS_DIR;
  process.env.SIM_SCENARIOS_DIR = 'tests/browser/fixtures/hostile-library';
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.SIM_SCENARIOS_DIR;
    else process.env.SIM_SCENARIOS_DIR = previous;
  }
  const port = await new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
  server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** Before the page's scripts: note every element the text could have made, and every CSP report. */
const WATCH = `
  window.__made = [];
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  const look = (el) => {
    const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
    const bad = (el.tagName === 'IMG' && el.getAttribute('src') === 'x')
      || ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && document.readyState !== 'loading'
      || /^\\s*javascript:/i.test(el.getAttribute('href') ?? '')
      || handlers.length > 0;
    if (bad) window.__made.push(el.tagName + ' ' + handlers.join(',') + ' ' + (el.getAttribute('src') ?? el.getAttribute('href') ?? ''));
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) look(r.target);
      for (const n of r.addedNodes) if (n instanceof Element) { look(n); n.querySelectorAll('*').forEach(look); }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

it('shows hostile scenario text literally everywhere and runs none of it', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser, 'about:blank');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(WATCH);
  await page.goto(url);

  // Menu: the card's title and summary.
  await page.waitForSelector('.card');
  await waitForStage(page, 'menu');
  const card = await text(page, '.card');
  expect(card).toContain(`${IMG} Hostile title`);
  expect(card).toContain(JS_URL);

  // Role-play: the customer's line, the stage direction, the customer's name.
  await page.locator('button[data-scenario="hostile-text"]').click();
  await waitForTurn(page);
  await waitForStage(page, 'roleplay');
  await waitForLineTyped(page);
  const roleplay = (await page.textContent('#app')) ?? '';
  expect(roleplay).toContain(`${IMG} my order never came`);
  expect(roleplay).toContain(JS_URL);
  expect(roleplay).toContain("{{constructor.constructor('alert(1)')()}}");

  // The map (a Practice aid), when the tutor tools offer it.
  const map = page.locator('[data-testid="roleplay-map"]');
  if ((await map.count()) > 0) {
    await map.click();
    await page.waitForSelector('[data-testid="map-dialog"] .map-node');
    expect((await page.textContent('[data-testid="map-dialog"]')) ?? '').toContain(IMG);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="map-dialog"]', { state: 'detached' });
    // Focus returns to the Map button, where Enter (to skip the typing) would open the map again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  // Reply 1 (its feedback is "<b onmouseover=alert(1)>Good</b>"), then the template-syntax reply.
  await replyByKeyFor(page, 'opening.1');
  expect((await page.textContent('#app')) ?? '').toContain('<b onmouseover=alert(1)>Good</b>');
  await replyByKeyFor(page, '<script>alert(1)</script>.1');
  if (await page.locator('.bubble[data-typing="true"]').count()) await page.keyboard.press('Enter');
  await page.locator('button.continue').click();
  await page.waitForSelector('[data-testid="percent"]');
  await waitForStage(page, 'debrief');
  const debrief = (await page.textContent('#app')) ?? '';
  expect(debrief).toContain(IMG);
  expect(debrief).toContain(JS_URL);
  expect(debrief).toContain("{{constructor.constructor('alert(1)')()}} I will fix it.");

  // The evidence record, when the debrief offers it.
  const evidence = page.locator('[data-testid="open-evidence"]');
  if ((await evidence.count()) > 0) {
    await evidence.click();
    await page.waitForSelector('[data-testid="evidence"]');
    const record = (await page.textContent('[data-testid="evidence"]')) ?? '';
    expect(record).toContain(`${IMG} Hostile title`);
    expect(record).toContain("{{constructor.constructor('alert(1)')()}} I will fix it.");
  }

  expect(dialogs).toEqual([]);
  expect(await page.evaluate('window.__made')).toEqual([]);
  expect(await page.evaluate('window.__csp')).toEqual([]);
  expect(await page.locator('img[src="x"], a[href^="javascript:"], [onerror], [onmouseover]').count()).toBe(
    0,
  );
  expect(errors).toEqual([]);
});

/**
 * `npm run dev`: saving a scenario reloads it in the running game. The
 * library plugin does the reload; this checks it reaches presenter mode (the
 * deep link survives the reload and shows the saved line).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';

const root = resolve(import.meta.dirname, '../..');
let browser: Browser;
let server: ViteDevServer;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sim-tutor-dev-'));
  cpSync(resolve(root, 'scenarios/faulty-kettle.yaml'), join(folder, 'faulty-kettle.yaml'));
  process.env.SIM_SCENARIOS_DIR = folder;
  try {
    server = await createServer({
      root,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, open: false },
    });
    await server.listen();
  } finally {
    delete process.env.SIM_SCENARIOS_DIR;
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

it('reloads presenter mode with the saved line when the scenario file is saved', async () => {
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the dev server did not report its address');
  const { page, errors } = await openPage(browser, `${url}?scenario=faulty-kettle&model=LASS&mode=presenter`);
  await page.waitForSelector('[data-testid="presenter-line"]', { timeout: 60_000 });
  expect(await page.textContent('[data-testid="presenter-line"]')).toContain('two weeks ago');
  const file = join(folder, 'faulty-kettle.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('I bought this here two weeks ago', 'I bought this here ten days ago'),
  );
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="presenter-line"]')?.textContent?.includes('ten days ago') ===
      true,
    undefined,
    { timeout: 60_000 },
  );
  expect(page.url()).toContain('mode=presenter');
  expect(errors).toEqual([]);
});

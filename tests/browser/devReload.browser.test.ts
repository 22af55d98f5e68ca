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
  folder = mkdtempSync(join(tmpdir(), 'sim-dev-'));
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

it('reloads the menu in dev when a scenario file is saved', { timeout: 240_000 }, async () => {
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the dev server did not report its address');
  const { page, errors } = await openPage(browser, url, { loadTimeout: 120_000 });
  await page.waitForSelector('.card-title', { timeout: 120_000 });
  expect(await page.textContent('.card-title')).toBe('The kettle that gave up');
  const file = join(folder, 'faulty-kettle.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'title: The kettle that gave up',
      'title: The kettle that finally gave up',
    ),
  );
  await page.waitForFunction(
    () => document.querySelector('.card-title')?.textContent === 'The kettle that finally gave up',
    undefined,
    { timeout: 30_000 },
  );
  expect(errors).toEqual([]);
});

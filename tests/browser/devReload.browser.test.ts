import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { type DevServer, startDevServer } from './support/devServer.ts';

let browser: Browser;
let dev: DevServer;

beforeAll(async () => {
  dev = await startDevServer('sim-dev-');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

it('reloads the menu in dev when a scenario file is saved', { timeout: 240_000 }, async () => {
  const { url, folder } = dev;
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

/**
 * `npm run dev`: saving a scenario reloads it in the running game. The
 * library plugin does the reload; this checks it reaches presenter mode (the
 * deep link survives the reload and shows the saved line).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { type DevServer, startDevServer } from './support/devServer.ts';

let browser: Browser;
let dev: DevServer;

beforeAll(async () => {
  dev = await startDevServer('sim-tutor-dev-');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

it('reloads presenter mode with the saved line when the scenario file is saved', async () => {
  const { url, folder } = dev;
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

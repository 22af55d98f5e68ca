/**
 * Storage faults the progress tests do not cover (those stub IDBFactory.open,
 * a full quota and a damaged record: tests/browser/progress.browser.test.ts):
 * a browser with no IndexedDB at all and no usable localStorage, and settings
 * left in localStorage as garbage. See docs/security.md, "Browser: storage".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, waitForStage } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { continueByKey, playByKey, readDebrief, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

it('starts, plays and says progress is not saved when the browser has no IndexedDB and refuses localStorage', async () => {
  const { page, errors } = await openPage(browser, 'about:blank');
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await page.goto(inject('appUrl'));
  await page.waitForSelector('.card');
  await waitForStage(page, 'menu');
  await page.locator('label:has(input[name="model"][value="LASS"])').click();
  await page.locator('button[data-scenario="faulty-kettle"]').click();
  await waitForTurn(page);
  await page.waitForSelector('[data-testid="storage-notices"] [data-code="unavailable"]');
  await playByKey(page, choiceIds([2, 1, 1, 1]));
  await continueByKey(page);
  expect((await readDebrief(page)).band).toBe('Distinction');
  expect(errors).toEqual([]);
});

it('starts with default settings when the stored settings are garbage', async () => {
  const { page, errors } = await openPage(browser, 'about:blank');
  await page.addInitScript(() => {
    localStorage.setItem(
      'complaint-sim.a11y.v1',
      '{"textSize": "<img src=x onerror=alert(1)>", "highContrast": ',
    );
  });
  await page.goto(inject('appUrl'));
  await page.waitForSelector('.card');
  await waitForStage(page, 'menu');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(errors).toEqual([]);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { continueByKey, playByKey, readDebrief, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// The app built over tests/browser/fixtures/broken-library (SIM_SCENARIOS_DIR): one broken file and faulty-kettle.
it('lists a broken scenario file with its first error while the others still play', async () => {
  const { page, errors } = await openPage(browser, inject('brokenAppUrl'));
  await page.waitForSelector('.card');
  expect(await page.locator('.card').count()).toBe(1);
  const problems = await page.locator('.broken .problem code').allTextContents();
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(
    /^tests\/browser\/fixtures\/broken-library\/broken-refund\.yaml:\d+:\d+ .*title/,
  );
  await page.locator('.broken').scrollIntoViewIfNeeded();
  await screenshot(page, 'menu-broken-file');

  await page.getByRole('button', { name: /Start role-play.*The kettle that gave up/ }).click();
  await waitForTurn(page);
  await playByKey(page, choiceIds([2, 1, 1, 1]));
  await continueByKey(page);
  expect((await readDebrief(page)).band).toBe('Distinction');
  expect(errors).toEqual([]);
});

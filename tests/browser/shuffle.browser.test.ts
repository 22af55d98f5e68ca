/**
 * The replies on screen are shuffled per run (scoring contract: "Reply order on
 * screen"): never file order, the same order again for a resumed run, and keys
 * that follow the screen. `?seed=` fixes the order so these checks are exact.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { choiceIds, sayOf } from './support/choiceIds.ts';
import {
  continueByKey,
  readDebrief,
  replyByKeyFor,
  replyByKeyWithText,
  shownChoiceIds,
  waitForTurn,
} from './support/roleplay.ts';
import { simPlay } from './support/simPlay.ts';

const KETTLE = '?scenario=faulty-kettle&model=LASS';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The first turn's reply ids, in screen order, in a fresh browser context. */
async function firstOrder(query: string): Promise<string[]> {
  const { page, errors } = await openPage(browser, new URL(query, inject('appUrl')).href, {
    reducedMotion: 'reduce',
  });
  await waitForTurn(page);
  const ids = await shownChoiceIds(page);
  expect(errors).toEqual([]);
  await page.context().close();
  return ids;
}

describe('the order of the replies on screen', () => {
  it('differs between fresh runs of the kettle deep link, and ?seed= fixes it', async () => {
    // Each fresh context draws its own seed: with 3 replies, 8 runs all in one order has a chance of 6 in 6^8.
    const drawn = new Set<string>();
    for (let i = 0; i < 8; i += 1) drawn.add((await firstOrder(`${KETTLE}&mode=practice`)).join(','));
    expect(drawn.size).toBeGreaterThan(1);

    // Deterministic: the same seed is the same order in every context; these seeds give several orders.
    expect(await firstOrder(`${KETTLE}&mode=practice&seed=11`)).toEqual(
      await firstOrder(`${KETTLE}&mode=practice&seed=11`),
    );
    const seeded = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const ids = await firstOrder(`${KETTLE}&mode=practice&seed=${seed}`);
      expect([...ids].sort()).toEqual(['opening.1', 'opening.2', 'opening.3']);
      seeded.add(ids.join(','));
    }
    expect(seeded.size).toBeGreaterThan(1);
  });

  it('a keyboard run choosing replies by their text scores what `sim play --choices 2,1,1,1` does', async () => {
    const expected = await simPlay([2, 1, 1, 1]);
    const { page, errors } = await openPage(
      browser,
      new URL(`${KETTLE}&mode=assessment`, inject('appUrl')).href,
    );
    await waitForTurn(page);
    for (const id of choiceIds([2, 1, 1, 1])) await replyByKeyWithText(page, sayOf(id));
    await continueByKey(page, 'assessment');
    const debrief = await readDebrief(page);
    expect(debrief.percent).toBe(`${expected.score.percent}%`);
    expect(debrief.band).toBe(expected.score.band);
    expect(errors).toEqual([]);
  });

  it('resumes a reloaded run with the replies in the same order, and Undo shows a turn’s order again', async () => {
    const { page, errors } = await openPage(
      browser,
      new URL(`${KETTLE}&mode=practice`, inject('appUrl')).href,
      {
        reducedMotion: 'reduce',
      },
    );
    await waitForTurn(page);
    const opening = await shownChoiceIds(page);
    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    const details = await shownChoiceIds(page);
    await page.waitForFunction(
      () =>
        new Promise<boolean>((done) => {
          const open = indexedDB.open('complaint-handling-simulator');
          open.onsuccess = () => {
            const get = open.result.transaction('progress').objectStore('progress').get('run');
            get.onsuccess = () =>
              done(get.result?.choices?.length === 1 && typeof get.result?.seed === 'number');
            get.onerror = () => done(false);
          };
          open.onerror = () => done(false);
        }),
    );

    await page.reload();
    await page.click('.progress-dialog button[data-value="resume"]');
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 2);
    await waitForTurn(page);
    expect(await shownChoiceIds(page)).toEqual(details);

    await page.getByRole('button', { name: /Undo last reply/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 0);
    await waitForTurn(page);
    expect(await shownChoiceIds(page)).toEqual(opening);
    expect(errors).toEqual([]);
  });
});

/**
 * Scoring v2 on the debrief: beside the band, the limit that lowered it, in
 * plain words tied to the reply that caused it; and the per-reply verdict
 * never praises a reply the headline blames. Every wait is for a condition.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { sayOf } from './support/choiceIds.ts';
import { continueByKey, readDebrief, replyByKeyWithText, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const RECEIPT = 'Have you got the receipt?';

/** Plays the kettle's replies by their text, with the number keys, as they are on screen. */
async function playByText(page: Page, ids: readonly string[]): Promise<void> {
  await waitForTurn(page);
  for (const id of ids) await replyByKeyWithText(page, sayOf(id));
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).boundingBox();
  if (box === null) throw new Error(`${selector} is not laid out`);
  return box;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The gap between two boxes (0 when they touch or overlap), in CSS pixels. */
const gapBetween = (a: Box, b: Box): number =>
  Math.hypot(
    Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width)),
    Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height)),
  );

describe('the debrief says why the band is what it is', () => {
  it('Assessment, LASS 1,1,1,1,1 by keyboard: Merit at 87.5%, because the receipt question put procedure first', async () => {
    const { page, errors } = await openPage(
      browser,
      `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=assessment&seed=7`,
    );
    await playByText(page, ['opening.1', 'receipt.1', 'details.1', 'remedy.1', 'thanks.1']);
    await continueByKey(page, 'assessment');

    const debrief = await readDebrief(page);
    expect(debrief.band).toBe('Merit');
    expect(debrief.percent).toBe('87.5%');
    const headline = (await page.textContent('[data-testid="band-headline"]')) ?? '';
    expect(headline).toBe(`87.5%, but Merit: ‘${RECEIPT}’ put procedure before the customer.`);
    // Nothing else held, so nothing is listed "more quietly".
    expect(await page.locator('[data-testid="band-also"]').count()).toBe(0);

    // Seen at 1280×720 without scrolling, beside the band and clear of it.
    const viewport = page.viewportSize();
    if (viewport === null) throw new Error('no viewport');
    expect(await page.evaluate(() => document.getElementById('panel')?.scrollTop ?? -1)).toBe(0);
    const band = await boxOf(page, '[data-testid="band"]');
    const why = await boxOf(page, '[data-testid="band-headline"]');
    expect(why.y).toBeGreaterThanOrEqual(0);
    expect(why.x).toBeGreaterThanOrEqual(0);
    expect(why.y + why.height).toBeLessThanOrEqual(viewport.height);
    expect(why.x + why.width).toBeLessThanOrEqual(viewport.width);
    expect(overlaps(why, band)).toBe(false);
    expect(gapBetween(why, band)).toBeLessThan(120);
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="band-headline"]') !== null,
      { x: why.x + Math.min(40, why.width / 2), y: why.y + why.height / 2 },
    );
    expect(hit).toBe(true);

    // The verdict under the receipt question agrees with the headline: a stronger reply was offered.
    // (The transcript is folded under the coaching card.)
    await page.locator('[data-testid="fold-transcript"] summary').click();
    await page.waitForSelector('[data-testid="fork-review"]');
    const firstReview = page
      .locator('.transcript li.turn.you')
      .first()
      .locator('[data-testid="fork-review"]');
    expect(await firstReview.getAttribute('class')).toContain('better');
    expect(await firstReview.textContent()).not.toContain('one of the best');
    await screenshot(page, 'debrief-reasons-merit');
    expect(errors).toEqual([]);
  });

  it('LASS 2,2,1 (the quick refund): 100% but Pass, because the essential statutory-rights point was not met', async () => {
    const { page, errors } = await openPage(
      browser,
      `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=practice&seed=7`,
    );
    await playByText(page, ['opening.2', 'details.2', 'thanks.1']);
    await continueByKey(page);

    const debrief = await readDebrief(page);
    expect(debrief.band).toBe('Pass');
    expect(debrief.percent).toBe('100%');
    const headline = (await page.textContent('[data-testid="band-headline"]')) ?? '';
    expect(headline).toContain('100%, but Pass: an essential point was not met');
    expect(headline).toContain('statutory rights');
    // No sentence contradicts the reason: no "Well done" beside a lowered band, no praise for the quick refund.
    expect(await page.textContent('.all-clear')).toBe('No faults.');
    await page.locator('[data-testid="fold-transcript"] summary').click();
    await page.waitForSelector('[data-testid="fork-review"]');
    const refund = page.locator('.transcript li.turn.you').nth(1);
    expect(await refund.locator('.line').textContent()).toBe(sayOf('details.2'));
    expect(await refund.locator('[data-testid="fork-review"]').textContent()).toContain(
      'A stronger reply here',
    );
    expect(errors).toEqual([]);
  });
});

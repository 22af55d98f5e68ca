/**
 * The debrief that coaches: one card at the top with the band and why, what
 * went well, what was missed and the stronger lines at the forks that cost
 * most (each with "Try again from here"), the learner's own rating, then the
 * details folded. The kettle under LASS, opening.1, receipt.1, details.2,
 * thanks.1: "Have you got the receipt?" is a fault (at most Merit) and the
 * statutory-rights point, which is essential, is never met (at most Pass).
 * Every wait is for a condition; layout is checked with bounding boxes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { sayOf } from './support/choiceIds.ts';
import {
  continueByKey,
  playByKey,
  readDebrief,
  replyByMouseFor,
  shownChoiceIds,
  waitForTurn,
} from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const RUN = ['opening.1', 'receipt.1', 'details.2', 'thanks.1'] as const;
const RECEIPT = 'Have you got the receipt?';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (box === null) throw new Error(`${selector} is not laid out`);
  return box;
}

/** The whole box is inside the viewport: seen without scrolling, not clipped at any edge. */
async function expectInView(page: Page, selector: string): Promise<void> {
  const viewport = page.viewportSize();
  if (viewport === null) throw new Error('no viewport');
  const box = await boxOf(page, selector);
  expect(box.width, selector).toBeGreaterThan(0);
  expect(box.x, selector).toBeGreaterThanOrEqual(0);
  expect(box.y, selector).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, selector).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, selector).toBeLessThanOrEqual(viewport.height);
}

const link = (mode: 'practice' | 'assessment'): string =>
  `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=${mode}&seed=7`;

/** Folded detail sections are closed, and what they hold is not shown. */
async function expectFolded(page: Page): Promise<void> {
  const folds = page.locator('.debrief details.fold');
  expect(await folds.count()).toBeGreaterThanOrEqual(5);
  expect(await folds.evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
  for (const inside of ['.steps-table', '.faults', '.marking', '.kpis', '.models-table', '.transcript'])
    expect(await page.locator(inside).isVisible(), inside).toBe(false);
}

describe('the coaching card', () => {
  it('Assessment at 1280×720: the band, why, the missed essential point and a stronger line to try again from', async () => {
    const { page, errors } = await openPage(browser, link('assessment'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await playByKey(page, RUN);
    await continueByKey(page, 'assessment');
    const debrief = await readDebrief(page);
    expect(debrief.band).toBe('Pass');
    expect(debrief.percent).toBe('87.5%');

    const card = page.locator('[data-testid="coaching"]');
    // Why, in plain words, naming the reply that caused the fault and the essential point missed.
    const reason = (await card.locator('[data-testid="band-headline"]').textContent()) ?? '';
    expect(reason).toContain('87.5%, but Pass');
    expect(reason).toContain(`‘${RECEIPT}’ put procedure before the customer.`);
    expect(reason).toContain('statutory rights');

    // What you missed: the mistake tied to its reply, and the essential point.
    const missed = card.locator('[data-testid="missed"]');
    const mistake = missed.locator('li.tag-mistake');
    expect(await mistake.count()).toBe(1);
    expect(await mistake.textContent()).toContain('You put procedure before the customer.');
    expect(await mistake.locator('.coach-reply').textContent()).toContain(`“${RECEIPT}”`);
    const essential = missed.locator('li.tag-essential');
    expect(await essential.count()).toBe(1);
    expect(await essential.textContent()).toContain(
      "accurate information about the customer's statutory rights",
    );

    // What went well never says the opposite of what was missed.
    const well = await card.locator('[data-testid="went-well"] li').allTextContents();
    const missedLines = await missed.locator('li').allTextContents();
    expect(well.length).toBeGreaterThan(0);
    for (const line of well) {
      const step = /^✓You (.+), at the right point\.$/.exec(line)?.[1];
      if (step === undefined) continue;
      for (const other of missedLines) {
        expect(other).not.toContain(`You ${step} `);
        expect(other).not.toContain(`never ${step}`);
        expect(other).not.toContain(`partly ${step}`);
      }
    }
    // Written for the learner, not the marker.
    const cardText = (await card.textContent()) ?? '';
    for (const jargon of ['best reachable', 'Award credit', 'reachable after'])
      expect(cardText).not.toContain(jargon);

    // Next time: at most three lines, the costliest first: the receipt question, and what to say instead.
    const lines = card.locator('[data-testid="next-time"] li.next-time-line');
    const count = await lines.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    const first = lines.first();
    expect(await first.getAttribute('data-position')).toBe('0');
    expect(await first.locator('.next-said').textContent()).toContain(`“${RECEIPT}”`);
    expect(await first.locator('[data-testid="next-better"]').textContent()).toContain(
      `“${sayOf('opening.2')}”`,
    );
    await first.locator('button.try-again').waitFor();
    // Then, in Assessment, the learner's own rating against the marks, inside the card after "next time".
    const self = card.locator('[data-testid="self-comparison"]');
    await self.waitFor();
    expect(await self.textContent()).toContain('You predicted');
    const order = await card.evaluate((el) =>
      [
        '[data-testid="band"]',
        '[data-testid="went-well"]',
        '[data-testid="missed"]',
        '[data-testid="next-time"]',
        '[data-testid="self-comparison"]',
      ].map((selector) => {
        const found = el.querySelector(selector);
        return found === null ? -1 : [...el.querySelectorAll('*')].indexOf(found);
      }),
    );
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);

    // In view at 1280×720 without scrolling: the band, the reason and the first "next time" line.
    expect(await page.evaluate(() => document.getElementById('panel')?.scrollTop ?? -1)).toBe(0);
    await expectInView(page, '[data-testid="band"]');
    await expectInView(page, '[data-testid="band-headline"]');
    await expectInView(page, '[data-testid="next-time"] li.next-time-line [data-testid="next-better"]');
    await expectFolded(page);
    await screenshot(page, 'coaching-1280');

    // "Try again from here" at a later fork resumes the role-play at that fork, replies before it kept.
    const positions = (
      await lines.evaluateAll((all) => all.map((li) => li.getAttribute('data-position')))
    ).map(Number);
    const index = positions.findIndex((at) => at > 0);
    expect(index).toBeGreaterThan(0);
    const position = positions[index] ?? 0;
    const kept = RUN.slice(0, position);
    await lines.nth(index).locator('button.try-again').click();
    await page.waitForFunction((n) => document.querySelectorAll('.history > li').length === n, position * 2);
    await waitForTurn(page);
    const offered = await shownChoiceIds(page);
    expect(offered).toContain(RUN[position]);
    expect(offered.every((id) => id.startsWith(`${(RUN[position] ?? '').split('.')[0]}.`))).toBe(true);
    expect(await page.locator('.history > li.turn.you > .line').allTextContents()).toEqual(
      kept.map((id) => sayOf(id)),
    );
    expect(errors).toEqual([]);
  });

  it('Practice at 390×844: the card starts at the top of the panel with the band and reason in view, details folded', async () => {
    const { page, errors } = await openPage(browser, link('practice'), {
      width: 390,
      height: 844,
      reducedMotion: 'reduce',
    });
    await waitForTurn(page);
    for (const id of RUN) await replyByMouseFor(page, id);
    await page.locator('button.continue').click();
    await readDebrief(page);
    await page.locator('[data-testid="next-time"] button.try-again').first().waitFor();
    expect(await page.evaluate(() => document.getElementById('panel')?.scrollTop ?? -1)).toBe(0);
    // The card is the first thing in the panel: its top is in view, then the band and the whole reason.
    const panel = await boxOf(page, '#panel');
    const card = await boxOf(page, '[data-testid="coaching"]');
    expect(card.y).toBeGreaterThanOrEqual(panel.y);
    expect(card.y - panel.y).toBeLessThan(40);
    await expectInView(page, '[data-testid="band"]');
    await expectInView(page, '[data-testid="band-headline"]');
    // Nothing of the card is cut off at the sides of a phone.
    const viewport = page.viewportSize();
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(viewport?.width ?? 0);
    await expectFolded(page);
    // A fold opens on tap and shows what it holds.
    await page.locator('[data-testid="fold-steps"] summary').click();
    await page.locator('.steps-table').waitFor();
    await screenshot(page, 'coaching-390');
    expect(errors).toEqual([]);
  });
});

/**
 * The menu's cards (issue 18): easiest first with "Start here" on the
 * beginners' card, a time estimate on each, the best band so far after a
 * finished attempt, and the first card's Start on the first screen at 1280×720.
 * Layout is checked with bounding boxes; every wait is for a condition.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

interface CardFacts {
  readonly id: string;
  readonly difficulty: number;
  readonly title: string;
  readonly startHere: boolean;
  readonly time: string;
}

async function cards(page: Page): Promise<CardFacts[]> {
  await page.waitForSelector('.card [data-scenario]');
  return page.locator('.card').evaluateAll((items) =>
    items.map((card) => ({
      id: card.getAttribute('data-scenario-card') ?? '',
      difficulty: Number(card.getAttribute('data-difficulty')),
      title: card.querySelector('.card-title')?.textContent ?? '',
      startHere: card.querySelector('.start-here-badge') !== null,
      time: card.querySelector('[data-testid="card-time"]')?.textContent ?? '',
    })),
  );
}

/** The card's best-band text once saved progress has been read (the slot is empty until then). */
async function bestOn(page: Page, id: string): Promise<string> {
  const best = page.locator(`.card[data-scenario-card="${id}"] [data-testid="card-best"]`);
  await best.waitFor();
  return (await best.textContent()) ?? '';
}

describe('the menu', () => {
  it('orders the cards by difficulty with "Start here" first, and its Start is on the first screen at 1280×720', async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'), { width: 1280, height: 720 });
    const shown = await cards(page);
    expect(shown.length).toBeGreaterThan(1);
    // Easiest first; the beginners' card (the kettle) leads, marked "Start here", and is the only one marked.
    expect(shown[0]?.id).toBe('faulty-kettle');
    expect(shown[0]?.startHere).toBe(true);
    expect(shown.filter((card) => card.startHere)).toHaveLength(1);
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1], shown[i]];
      if (a === undefined || b === undefined) continue;
      expect(b.difficulty).toBeGreaterThanOrEqual(a.difficulty);
      if (a.difficulty === b.difficulty && !a.startHere)
        expect(a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' })).toBeLessThanOrEqual(0);
    }
    for (const card of shown) expect(card.time).toMatch(/^About \d+ min/);

    // The first card's Start, and the "Start here" badge, are inside the viewport without scrolling.
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    for (const selector of [
      '.card:first-child button[data-scenario]',
      '.card:first-child .start-here-badge',
    ]) {
      const box = await page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      if (box === null) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    }
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    expect(await page.evaluate(() => document.getElementById('panel')?.scrollTop ?? 0)).toBe(0);
    await screenshot(page, 'menu-1280');
    expect(errors).toEqual([]);
  });

  it('shows the best band on a card after a finished attempt, per model', async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'), { width: 1280, height: 720 });
    expect(await bestOn(page, 'faulty-kettle')).toBe('Not tried yet');
    await page.click('button[data-scenario="faulty-kettle"]');
    await waitForTurn(page);
    await playByKey(page, choiceIds([2, 1, 1, 1]));
    await continueByKey(page);
    expect((await readDebrief(page)).band).toBe('Distinction');

    await page.goto(inject('appUrl'));
    expect(await bestOn(page, 'faulty-kettle')).toBe('Your best: Distinction');
    expect(await page.getAttribute('.card[data-scenario-card="faulty-kettle"] .card-best', 'data-band')).toBe(
      'Distinction',
    );
    // Another scenario, never played, says so.
    const other = (await cards(page)).find((card) => card.id !== 'faulty-kettle');
    expect(await bestOn(page, other?.id ?? '')).toBe('Not tried yet');
    // The band is the one under the model chosen: not played under HEAT yet.
    await page.click('label:has([data-testid="model-HEAT"])');
    await page.waitForFunction(
      () =>
        document.querySelector('.card[data-scenario-card="faulty-kettle"] [data-testid="card-best"]')
          ?.textContent === 'Not tried yet',
    );
    await screenshot(page, 'menu-best-band');
    expect(errors).toEqual([]);
  });
});

/**
 * Adjustable presentation: text up to 200% without loss, high contrast, reflow
 * at 320 CSS px, the canvas scaled without cutting off the customer, reduced
 * motion from the settings, the call clock hidden, settings kept between visits.
 * Screenshots go to test-results/screenshots/a11y-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWith, SETTINGS_KEY } from '../a11y/browserSupport.ts';
import { canvasFitsStage, launchBrowser, screenshot } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { continueByKey, playByKey, replyByKeyFor, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const url = (query = ''): string => new URL(query, inject('appUrl')).href;
const KETTLE = '?scenario=faulty-kettle&model=LASS&mode=practice';

/** Text or controls cut off: the page scrolls sideways, or an element's text overflows its box unseen. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    const selector =
      '#topbar button, #topbar h1, .bubble, .meter, .reply, .button, .card-title, h1, h2, .feedback, label, legend';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.offsetParent === null || el.closest('.visually-hidden, [aria-hidden="true"]') !== null) continue;
      const style = getComputedStyle(el);
      const hides =
        style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      if (hides && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 30)}`);
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1) problems.push(`off the right edge: ${el.className}`);
    }
    return problems;
  });
}

describe('adjustable presentation', () => {
  it('shows menu, role-play and debrief at 200% text without loss, and screenshots them', async () => {
    const { page, errors } = await openWith(browser, url(), {
      reducedMotion: 'reduce',
      settings: { textSize: 200 },
    });
    await page.waitForSelector('.card');
    const base = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(base).toBeGreaterThanOrEqual(30); // 2 × the 15–21 px root size
    expect(await clipped(page)).toEqual([]);
    await screenshot(page, 'a11y-200-menu');
    await page.goto(url(KETTLE));
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    expect(await clipped(page)).toEqual([]);
    await screenshot(page, 'a11y-200-roleplay');
    await playByKey(page, ['details.1', 'remedy.1', 'thanks.1']);
    await continueByKey(page);
    expect(await clipped(page)).toEqual([]);
    await screenshot(page, 'a11y-200-debrief');
    expect(errors).toEqual([]);
  });

  it('reflows to 320 CSS px wide with no sideways scrolling, the canvas fitted above the panel', async () => {
    const { page, errors } = await openWith(browser, url(), {
      width: 320,
      height: 640,
      reducedMotion: 'reduce',
    });
    await page.waitForSelector('.card');
    expect(await clipped(page)).toEqual([]);
    await screenshot(page, 'a11y-320-menu');
    await page.goto(url(KETTLE));
    await waitForTurn(page);
    await expect.poll(() => canvasFitsStage(page), { timeout: 10_000 }).toBe(true);
    expect(await clipped(page)).toEqual([]);
    await screenshot(page, 'a11y-320-roleplay');
    await playByKey(page, choiceIds([2, 1, 1, 1]));
    await continueByKey(page);
    expect(await clipped(page)).toEqual([]);
    await screenshot(page, 'a11y-320-debrief');
    expect(errors).toEqual([]);
  });

  it('keeps the customer on the canvas when it is scaled to a small stage', async () => {
    const { page, errors } = await openWith(browser, url(KETTLE), {
      width: 640,
      height: 360,
      reducedMotion: 'reduce',
    });
    await waitForTurn(page);
    await expect.poll(() => canvasFitsStage(page), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'a11y-zoom200-roleplay');
    expect(errors).toEqual([]);
  });

  it('switches to high contrast: black text on white, and screenshots it', async () => {
    const { page, errors } = await openWith(browser, url(KETTLE), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await page.click('[data-testid="a11y-open"]');
    await page.check('[data-testid="a11y-contrast"]');
    await page.click('[data-testid="a11y-close"]');
    const colours = await page.evaluate(() => ({
      text: getComputedStyle(document.querySelector('.reply') as Element).color,
      bubble: getComputedStyle(document.querySelector('.bubble') as Element).backgroundColor,
      border: getComputedStyle(document.querySelector('.reply') as Element).borderTopColor,
    }));
    expect(colours).toEqual({ text: 'rgb(0, 0, 0)', bubble: 'rgb(255, 255, 255)', border: 'rgb(0, 0, 0)' });
    await screenshot(page, 'a11y-contrast-roleplay');
    await page.goto(url());
    await page.waitForSelector('.card');
    await screenshot(page, 'a11y-contrast-menu');
    expect(errors).toEqual([]);
  });

  it('reduces motion from the settings, hides the call clock, and keeps both after a reload', async () => {
    const { page, errors } = await openWith(
      browser,
      url('?scenario=assistance-dog-cafe&model=LASS&mode=practice'),
    );
    await waitForTurn(page);
    expect(await page.isVisible('.call-timer')).toBe(true);
    await page.click('[data-testid="a11y-open"]');
    await page.check('[data-testid="a11y-motion"]');
    await page.uncheck('[data-testid="a11y-timer"]');
    await page.click('[data-testid="a11y-close"]');
    expect(await page.isVisible('.call-timer')).toBe(false);
    const stored = await page.evaluate((key) => window.localStorage.getItem(key), SETTINGS_KEY);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ motion: 'reduce', showCallTimer: false });

    await page.reload();
    // Reduced motion: the line is shown whole at once (no typing), with no animation running.
    await page.waitForSelector('button.reply');
    expect(await page.getAttribute('.bubble', 'data-typing')).toBe('false');
    expect(await page.isVisible('.call-timer')).toBe(false);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    // The settings are built when first opened (installAccessibility): they show what was kept.
    await page.click('[data-testid="a11y-open"]');
    expect(await page.isChecked('[data-testid="a11y-motion"]')).toBe(true);
    expect(await page.isChecked('[data-testid="a11y-timer"]')).toBe(false);
    expect(errors).toEqual([]);
  });
});

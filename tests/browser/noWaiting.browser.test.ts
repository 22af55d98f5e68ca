/**
 * No waiting (issue 18): the replies are usable within 1 s of the customer's
 * line appearing, at every turn, even while the line is still being typed.
 * Measured with the page's own clock: a MutationObserver installed before the
 * app starts records when each new line goes up (its paragraphs are put into
 * the bubble) and when the first usable reply is on screen after it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { REPLY, replyButton, screenNumber } from './support/roleplay.ts';

/** One turn as the page saw it, in `performance.now()` ms. */
interface Turn {
  readonly lineAt: number;
  repliesAt: number | null;
  /** Whether the line was still being typed when the replies became usable. */
  typingThen: boolean | null;
}

declare global {
  interface Window {
    __turns?: Turn[];
  }
}

/** Runs in the page before any of its scripts. */
function watchTurns(reply: string): void {
  const turns: Turn[] = [];
  window.__turns = turns;
  const usableReply = (): boolean => {
    const button = document.querySelector(reply);
    if (button === null) return false;
    const box = button.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top < window.innerHeight && box.bottom > 0;
  };
  const check = (): void => {
    const turn = turns.at(-1);
    if (turn === undefined || turn.repliesAt !== null || !usableReply()) return;
    turn.repliesAt = performance.now();
    turn.typingThen = document.querySelector('.bubble')?.getAttribute('data-typing') === 'true';
  };
  new MutationObserver((mutations) => {
    // A new line puts one paragraph per line into the bubble, all in one task: one turn.
    const newLine = mutations.some(
      (mutation) =>
        mutation.target instanceof HTMLElement &&
        mutation.target.classList.contains('bubble-text') &&
        [...mutation.addedNodes].some((node) => node.nodeName === 'P'),
    );
    if (newLine) turns.push({ lineAt: performance.now(), repliesAt: null, typingThen: null });
    check();
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(
  url: string,
  reducedMotion: 'reduce' | 'no-preference',
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    reducedMotion,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.addInitScript(watchTurns, REPLY);
  await page.goto(url);
  return { page, errors };
}

/** Waits until the page has recorded turn `n` (0-based) with its replies usable, and returns it. */
async function turnWithReplies(page: Page, n: number): Promise<Turn> {
  await page.waitForFunction((i) => (window.__turns?.[i]?.repliesAt ?? null) !== null, n);
  const turn = await page.evaluate((i) => window.__turns?.[i], n);
  if (turn === undefined) throw new Error(`turn ${n} was not recorded`);
  return turn;
}

describe('no waiting for the typing', () => {
  it('has every turn of a kettle run usable within 1 s of its line, choosing while the line still types', async () => {
    const { page, errors } = await open(
      `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=practice`,
      'no-preference',
    );
    const run = choiceIds([2, 1, 1, 1]);
    const delays: number[] = [];
    let choseWhileTyping = 0;
    for (const [i, id] of run.entries()) {
      const turn = await turnWithReplies(page, i);
      delays.push((turn.repliesAt ?? Number.NaN) - turn.lineAt);
      // Choose at once, without skipping the typing: a reply is accepted while the line types.
      const typing = (await page.getAttribute('.bubble', 'data-typing')) === 'true';
      const before = await page.locator('.history > li').count();
      await page.keyboard.press(String(await screenNumber(page, id)));
      await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
      if (typing) choseWhileTyping++;
    }
    await page.waitForSelector('button.continue');
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(1000);
    expect(delays).toHaveLength(run.length);
    // The kettle's lines take 1–2 s to type, so the replies were up while they typed.
    expect(choseWhileTyping).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('shows a long email’s replies while it types, and Enter still finishes the typing', async () => {
    const { page, errors } = await open(
      `${inject('appUrl')}?scenario=boiler-service-botched&model=LASS&mode=practice`,
      'no-preference',
    );
    const turn = await turnWithReplies(page, 0);
    expect((turn.repliesAt ?? Number.NaN) - turn.lineAt).toBeLessThanOrEqual(1000);
    expect(turn.typingThen).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bubble[data-typing="false"]');
    // Enter skipped the typing and chose nothing: the same replies are still up.
    expect(await page.locator('.history > li').count()).toBe(0);
    expect(await page.locator(REPLY).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('shows the whole line and the replies at once under reduced motion', async () => {
    const { page, errors } = await open(
      `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=practice`,
      'reduce',
    );
    const turn = await turnWithReplies(page, 0);
    expect((turn.repliesAt ?? Number.NaN) - turn.lineAt).toBeLessThanOrEqual(1000);
    expect(turn.typingThen).toBe(false);
    await page.waitForSelector(replyButton(choiceIds([1])[0] ?? ''));
    expect(errors).toEqual([]);
  });
});

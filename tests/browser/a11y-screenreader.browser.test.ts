/**
 * Screen readers: what the canvas shows that matters (the customer's line, the
 * stage direction, the mood in words, the step tracker, the feedback) is in the
 * accessibility tree, with roles, headings and live regions, in reading order.
 * Checked on Playwright's ARIA snapshot of the page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWith } from '../a11y/browserSupport.ts';
import { launchBrowser } from './support/browser.ts';
import { replyByKeyFor, shownReplyTexts, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Each of `parts` occurs in `text`, in this order. */
function inOrder(text: string, parts: readonly string[]): string[] {
  const problems: string[] = [];
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    if (found < 0) problems.push(`missing after position ${at}: ${part}`);
    else at = found + part.length;
  }
  return problems;
}

describe('the accessibility tree', () => {
  it('mirrors the stage in the DOM: title, steps, mood, stage direction, line, feedback, replies, in order', async () => {
    const url = new URL('?scenario=faulty-kettle&model=LASS&mode=practice', inject('appUrl'));
    const { page, errors } = await openWith(browser, url.href, { reducedMotion: 'reduce' });
    await waitForTurn(page);
    // The replies are shuffled: a screen reader hears them numbered in the order they are on screen.
    const replies = await shownReplyTexts(page);
    expect(replies).toHaveLength(3);
    const first = await page.locator('body').ariaSnapshot();
    expect(
      inOrder(first, [
        'link "Skip to main content"',
        '- banner:',
        'button "Pause"',
        'heading "The kettle that gave up" [level=1]',
        'list "LASS steps"',
        'listitem: "Listen : not yet"',
        'region "Customer"',
        `meter "Mrs Patel's mood": Angry`,
        'She puts the kettle down on the counter',
        'heading "Mrs Patel" [level=2]',
        'I bought this here two weeks ago',
        '- main:',
        'heading "Your reply" [level=2]',
        ...replies.map((text, i) => `button "${i + 1}. ${text}"`),
      ]),
      first,
    ).toEqual([]);
    // The mood in words and numbers, for the meter's value.
    expect(await page.getAttribute('[role="meter"]', 'aria-valuetext')).toBe('Angry, 30 out of 100');

    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    const second = await page.locator('body').ariaSnapshot();
    expect(
      inOrder(second, [
        'listitem: "Listen : done"',
        'listitem: "Apologise : done"',
        `meter "Mrs Patel's mood": Upset`,
        'heading "Mrs Patel" [level=2]',
        'It boiled fine for a week',
        'region "Conversation"',
        "Oh no, I'm sorry",
        'region "Your reply"',
        '- status:',
        'paragraph: Feedback',
        'A sincere apology and an open question',
        'heading "Your reply" [level=2]',
      ]),
      second,
    ).toEqual([]);

    // Live regions: the line and feedback are announced politely; the call clock never is.
    const live = await page.evaluate(() => ({
      announcer: document.getElementById('announcer')?.getAttribute('aria-live'),
      feedbackRole: document.querySelector('.feedback')?.getAttribute('role'),
      assertive: document.querySelectorAll('[aria-live="assertive"], [role="alert"]').length,
    }));
    expect(live).toEqual({ announcer: 'polite', feedbackRole: 'status', assertive: 0 });
    await page.waitForFunction(() =>
      document.getElementById('announcer')?.textContent?.startsWith('Feedback: A sincere apology'),
    );
    expect(await page.textContent('#announcer')).toContain('Mrs Patel, upset: It boiled fine for a week.');
    expect(errors).toEqual([]);
  });

  it('gives the call clock the timer role (not announced) and names the settings dialog', async () => {
    const url = new URL('?scenario=assistance-dog-cafe&model=LASS&mode=practice', inject('appUrl'));
    const { page, errors } = await openWith(browser, url.href, { reducedMotion: 'reduce' });
    await waitForTurn(page);
    expect(await page.getAttribute('.call-timer', 'role')).toBe('timer');
    expect(await page.getAttribute('.call-timer', 'aria-live')).toBeNull();
    await page.click('[data-testid="a11y-open"]');
    const panel = await page.locator('[data-testid="a11y-panel"]').ariaSnapshot();
    expect(
      inOrder(panel, [
        'dialog "Accessibility settings"',
        'heading "Accessibility settings" [level=2]',
        'heading "Display" [level=3]',
        'group "Text size"',
        'radio "200%"',
        'checkbox "High contrast colours"',
        'checkbox "Reduce motion"',
        'checkbox "Show the call clock on phone calls"',
        `heading "Customer's voice" [level=3]`,
        `checkbox "Read the customer's lines aloud"`,
        'combobox "Speaking speed"',
        'button "Close"',
      ]),
      panel,
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
});

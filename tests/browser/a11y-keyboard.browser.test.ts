/**
 * Keyboard only: a whole Practice role-play from the menu to the evidence record
 * with Tab, Shift+Tab, Enter, Space, arrows, digits and Escape. After every key,
 * focus is on something useful (never <body> or the canvas) and visibly marked;
 * after each turn and each dialog it lands somewhere sensible.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeFocus, focusIsUseful, openWith } from '../a11y/browserSupport.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { replyButton, screenNumber } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Whether the focused element shows a focus indicator (outline or ring on it, or on a radio's styled label). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return false;
    const shows = (node: Element | null): boolean => {
      if (node === null) return false;
      const style = getComputedStyle(node);
      return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    };
    return shows(el) || shows(el.nextElementSibling) || shows(el.closest('label'));
  });
}

/** Presses a key and checks focus stayed somewhere useful. */
async function press(page: Page, key: string, trail: string[]): Promise<void> {
  await page.keyboard.press(key);
  trail.push(`${key} → ${await describeFocus(page)}`);
}

/** Tabs (or Shift+Tabs) until the focused element matches `selector`, checking each stop shows focus. */
async function tabTo(page: Page, selector: string, trail: string[], key = 'Tab', max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await press(page, key, trail);
    expect(await focusIsUseful(page), trail.join('\n')).toBe(true);
    expect(await focusVisible(page), `no visible focus: ${trail.at(-1)}`).toBe(true);
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
  }
  throw new Error(`never reached ${selector} with ${key}:\n${trail.join('\n')}`);
}

async function historyLength(page: Page): Promise<number> {
  return page.locator('.history > li').count();
}

/** After a reply: waits for the next turn and checks where focus went. */
async function afterTurn(page: Page, before: number, trail: string[]): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
  await page.waitForSelector('button.reply:not([aria-disabled]), button.continue');
  expect(await focusIsUseful(page), `focus lost after a turn: ${await describeFocus(page)}`).toBe(true);
  trail.push(`turn done → ${await describeFocus(page)}`);
}

describe('keyboard only', { timeout: 180_000 }, () => {
  it('plays the kettle scenario from the menu to the evidence record without a mouse', async () => {
    const { page, errors } = await openWith(browser, inject('appUrl'));
    const trail: string[] = [];
    await page.waitForSelector('.card');
    await page.waitForSelector('[data-testid="open-history"]');

    // The skip link comes first and leads to the main panel.
    await press(page, 'Tab', trail);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');

    // Accessibility settings: open with Enter, close with Escape, focus back on the button.
    await tabTo(page, '[data-testid="a11y-open"]', trail);
    await press(page, 'Enter', trail);
    await page.waitForSelector('[data-testid="a11y-panel"][open]');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await press(page, 'Escape', trail);
    await page.waitForSelector('[data-testid="a11y-panel"]', { state: 'hidden' });
    expect(await page.getAttribute(':focus', 'data-testid')).toBe('a11y-open');

    // Model: arrows move within the radio group (LASS → LAST → LASS); Shift+Tab goes back.
    await tabTo(page, '[data-testid="model-LASS"]', trail);
    await press(page, 'ArrowRight', trail);
    expect(await page.isChecked('[data-testid="model-LAST"]')).toBe(true);
    await press(page, 'ArrowLeft', trail);
    expect(await page.isChecked('[data-testid="model-LASS"]')).toBe(true);
    await tabTo(page, '[data-testid="mode-practice"]', trail);
    await tabTo(page, '[data-testid="model-LASS"]', trail, 'Shift+Tab');
    await tabTo(page, 'button[data-scenario="faulty-kettle"]', trail);
    await press(page, 'Enter', trail);

    // Turn 1: Tab to opening.2 (wherever the shuffle put it) and press Space.
    await page.waitForSelector('#app[data-screen="roleplay"]');
    await page.waitForSelector('button.reply');
    expect(await focusIsUseful(page), await describeFocus(page)).toBe(true);
    let before = await historyLength(page);
    await tabTo(page, replyButton('opening.2'), trail);
    await press(page, ' ', trail);
    await afterTurn(page, before, trail);

    // Pause with Escape: focus inside the dialog; Escape resumes with focus back in the panel.
    await press(page, 'Escape', trail);
    await page.waitForSelector('dialog.pause-menu[open]');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog.pause-menu') !== null)).toBe(
      true,
    );
    await press(page, 'Escape', trail);
    await page.waitForSelector('dialog.pause-menu', { state: 'hidden' });
    expect(await focusIsUseful(page), await describeFocus(page)).toBe(true);

    // Turn 2: the digit that details.1 has on screen.
    before = await historyLength(page);
    await press(page, String(await screenNumber(page, 'details.1')), trail);
    await afterTurn(page, before, trail);

    // Turn 3: Tab to remedy.1 and press Enter.
    before = await historyLength(page);
    await tabTo(page, replyButton('remedy.1'), trail);
    await press(page, 'Enter', trail);
    await afterTurn(page, before, trail);

    // Turn 4: the digit of thanks.1 ends the conversation; Tab to Continue and press Enter.
    before = await historyLength(page);
    await press(page, String(await screenNumber(page, 'thanks.1')), trail);
    await afterTurn(page, before, trail);
    await page.waitForSelector('button.continue');
    await tabTo(page, 'button.continue', trail);
    await screenshot(page, 'a11y-keyboard-continue-focused');
    await press(page, 'Enter', trail);

    // The debrief: focus on its heading; Shift+Tab back to the top bar's evidence record and open it.
    await page.waitForSelector('[data-testid="percent"]');
    await page.waitForFunction(() => document.activeElement?.id === 'debrief-heading');
    await tabTo(page, '[data-testid="open-evidence"]', trail, 'Shift+Tab');
    await press(page, 'Enter', trail);
    await page.waitForSelector('[data-testid="evidence"]');
    expect(await focusIsUseful(page), await describeFocus(page)).toBe(true);
    expect(await page.textContent('[data-testid="evidence"]')).toContain('The kettle that gave up');
    await screenshot(page, 'a11y-keyboard-evidence');
    expect(errors).toEqual([]);
  });
});

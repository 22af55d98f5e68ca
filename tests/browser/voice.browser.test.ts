/**
 * The customer's voice, heard through a fake Voice injected before the app
 * loads (headless Chromium has no speech voices): off by default, every
 * customer line spoken once and in order when the learner turns it on, the
 * chosen speed used, nothing when off, and silence (no errors) without speech.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openWith, type VoiceEvent, voiceLog } from '../a11y/browserSupport.ts';
import { launchBrowser } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { continueByKey, replyByKeyFor, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const KETTLE = '?scenario=faulty-kettle&model=LASS&mode=practice';

/** Plays the kettle scenario with replies 2, 1, 1, 1 and returns every customer line shown, in order. */
async function playKettle(page: Page): Promise<string[]> {
  const lines: string[] = [];
  const current = async (): Promise<string[]> =>
    page.locator('.bubble[data-testid="customer-line"] .bubble-text p').allTextContents();
  await waitForTurn(page);
  lines.push(...(await current()));
  for (const id of choiceIds([2, 1, 1, 1])) {
    await replyByKeyFor(page, id);
    await waitForTurn(page);
    lines.push(...(await current()));
  }
  await continueByKey(page);
  return lines;
}

const spoken = (log: readonly VoiceEvent[]): string[] =>
  log.flatMap((e) => (e.kind === 'speak' ? [e.text] : []));

describe("the customer's voice", () => {
  it('is off by default: a whole role-play says nothing', async () => {
    const { page, errors } = await openWith(browser, new URL(KETTLE, inject('appUrl')).href, {
      reducedMotion: 'reduce',
      fakeVoice: true,
    });
    const lines = await playKettle(page);
    expect(lines.length).toBeGreaterThan(4);
    expect(spoken(await voiceLog(page))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('speaks every customer line once, in order, at the chosen speed, when turned on in the settings', async () => {
    const { page, errors } = await openWith(browser, inject('appUrl'), {
      reducedMotion: 'reduce',
      fakeVoice: true,
    });
    await page.click('[data-testid="a11y-open"]');
    await page.check('[data-testid="a11y-voice-on"]');
    await page.selectOption('[data-testid="a11y-rate"]', '1.25');
    // The fake offers a US and a UK voice: the list puts the UK one first after "Automatic".
    const options = await page.locator('[data-testid="a11y-voice"] option').allTextContents();
    expect(options).toEqual(['Automatic (UK English if available)', 'Fake UK (en-GB)', 'Fake US (en-US)']);
    await page.click('[data-testid="a11y-close"]');
    await page.goto(new URL(KETTLE, inject('appUrl')).href);
    const lines = await playKettle(page);
    const log = await voiceLog(page);
    expect(spoken(log)).toEqual(lines);
    expect(log.every((e) => e.kind === 'cancel' || e.rate === 1.25)).toBe(true);
    // Captions stay on screen while the voice speaks.
    expect(await page.locator('.bubble-text p').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('does not repeat a line after an undo, and stops when the voice is turned off', async () => {
    const { page, errors } = await openWith(browser, new URL(KETTLE, inject('appUrl')).href, {
      reducedMotion: 'reduce',
      fakeVoice: true,
      settings: { voice: { enabled: true, rate: 1, voiceId: null } },
    });
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    await page.click('button.undo');
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 0);
    await waitForTurn(page);
    const afterUndo = spoken(await voiceLog(page));
    expect(afterUndo).toHaveLength(2);
    expect(afterUndo[0]).toContain('I bought this here two weeks ago');
    expect(afterUndo[1]).toContain('It boiled fine for a week');

    await page.click('[data-testid="a11y-open"]');
    await page.uncheck('[data-testid="a11y-voice-on"]');
    await page.keyboard.press('Escape');
    expect((await voiceLog(page)).at(-1)).toEqual({ kind: 'cancel' });
    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    expect(spoken(await voiceLog(page))).toEqual(afterUndo);
    expect(errors).toEqual([]);
  });

  it('stays silent without errors in a browser that has no voices (the real speechSynthesis here)', async () => {
    const { page, errors } = await openWith(browser, new URL(KETTLE, inject('appUrl')).href, {
      reducedMotion: 'reduce',
      settings: { voice: { enabled: true, rate: 1, voiceId: null } },
    });
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    await page.click('[data-testid="a11y-open"]');
    expect(await page.isVisible('[data-testid="a11y-novoices"]')).toBe(true);
    expect(await page.isVisible('[data-testid="a11y-voice"]')).toBe(false);
    expect(await page.textContent('.bubble-text')).toContain('It boiled fine for a week');
    expect(errors).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { canvasFitsStage, launchBrowser, openPage, screenshot, waitForStage } from './support/browser.ts';
import { continueByKey, playByKey, replyButton, replyByKeyFor, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function roleplayUrl(scenario: string, model: string, mode: 'practice' | 'assessment'): string {
  return new URL(`?scenario=${scenario}&model=${model}&mode=${mode}`, inject('appUrl')).href;
}

describe('accessibility', () => {
  it('has no axe WCAG 2.2 AA violations on the menu, the role-play and the debrief', async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'));
    await page.waitForSelector('.card');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(roleplayUrl('faulty-kettle', 'LASS', 'practice'));
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    expect(await axeViolations(page)).toEqual([]);
    await playByKey(page, ['details.1', 'remedy.1', 'thanks.1']);
    await continueByKey(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("announces the customer's line, with their mood, through the polite live region", async () => {
    const { page, errors } = await openPage(browser, roleplayUrl('faulty-kettle', 'LASS', 'assessment'));
    await waitForTurn(page);
    expect(await page.getAttribute('#announcer', 'aria-live')).toBe('polite');
    await page.waitForFunction(() =>
      document.getElementById('announcer')?.textContent?.includes('two weeks ago'),
    );
    expect(await page.textContent('#announcer')).toMatch(/^Mrs Patel, angry: I bought this here/);
    const meter = page.getByRole('meter', { name: "Mrs Patel's mood" });
    expect(await meter.getAttribute('aria-valuetext')).toBe('Angry, 30 out of 100');
    expect(errors).toEqual([]);
  });

  it('types the line out instantly when the learner prefers reduced motion', async () => {
    const { page, errors } = await openPage(browser, roleplayUrl('faulty-kettle', 'LASS', 'practice'), {
      reducedMotion: 'reduce',
    });
    await page.waitForSelector('button.reply');
    expect(await page.getAttribute('.bubble', 'data-typing')).toBe('false');
    expect(await page.textContent('.bubble-text')).toContain("now I've no kettle!");
    expect(errors).toEqual([]);
  });

  it('keeps Space and Enter for a focused HTML button (Phaser does not capture them)', async () => {
    const { page, errors } = await openPage(browser, roleplayUrl('faulty-kettle', 'LASS', 'practice'), {
      reducedMotion: 'reduce',
    });
    await page.waitForSelector('button.reply');
    await page.focus(replyButton('opening.2'));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 2);
    expect(await page.textContent('.history')).toContain('What happened when you switched it on?');
    await page.waitForSelector('button.reply');
    await page.focus('button.pause');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.pause-menu[open]');
    expect(errors).toEqual([]);
  });
});

describe('channels and screen sizes', () => {
  for (const [scenario, size] of [
    ['assistance-dog-cafe', { width: 1280, height: 720 }],
    ['late-birthday-present', { width: 1920, height: 1080 }],
    ['delete-my-data', { width: 1600, height: 900 }],
  ] as const) {
    it(`lays out ${scenario} at ${size.width}×${size.height} with nothing cut off`, async () => {
      const { page, errors } = await openPage(browser, roleplayUrl(scenario, 'HEAT', 'practice'), size);
      await waitForTurn(page);
      const overflow = await page.evaluate(() => {
        const panel = document.getElementById('panel');
        const replies = [...document.querySelectorAll('button.reply, button.continue')];
        const last = replies.at(-1)?.getBoundingClientRect();
        return {
          page: document.documentElement.scrollWidth > window.innerWidth,
          repliesVisible: last !== undefined && last.bottom <= window.innerHeight + 1,
          panelScroll: panel === null ? 0 : panel.scrollWidth - panel.clientWidth,
        };
      });
      expect(overflow).toEqual({ page: false, repliesVisible: true, panelScroll: 0 });
      await waitForStage(page, 'roleplay');
      await page.waitForFunction(() => {
        const canvas = document.querySelector('#stage canvas');
        const stage = document.getElementById('stage');
        return (
          canvas instanceof HTMLCanvasElement &&
          stage !== null &&
          Math.abs(canvas.height - stage.clientHeight) <= 1
        );
      });
      expect(await canvasFitsStage(page)).toBe(true);
      await screenshot(page, `roleplay-${scenario}-${size.width}x${size.height}`);
      expect(errors).toEqual([]);
    });
  }

  it('shows a call timer on the phone channel, and none face to face', async () => {
    const { page, errors } = await openPage(browser, roleplayUrl('assistance-dog-cafe', 'LASS', 'practice'));
    await waitForTurn(page);
    await page.waitForFunction(() => document.querySelector('.call-timer')?.textContent !== '00:00');
    expect(await page.textContent('.call-timer')).toMatch(/^00:0[1-9]$/);
    await page.goto(roleplayUrl('faulty-kettle', 'LASS', 'practice'));
    await waitForTurn(page);
    expect(await page.locator('.call-timer').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

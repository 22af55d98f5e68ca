/**
 * Rehearse aloud in Chromium with its fake microphone (a tone): record a
 * spoken reply, play it back to its end, tick steps, finish the run, find the
 * ticks in the evidence record, then erase all data and find the recording
 * gone from IndexedDB. Laid out at a phone and a laptop: the panel in the
 * window, over neither the replies nor the customer's face. A refused
 * microphone gets a plain message and the role-play carries on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { boxes, faceBox, inside, overlaps, viewport } from './support/layout.ts';
import { continueByKey, playByKey, REPLY, waitForTurn } from './support/roleplay.ts';

const FAKE_MICROPHONE = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const KETTLE = '?scenario=faulty-kettle&model=LASS&mode=practice&seed=7';
const BEST = ['opening.2', 'details.1', 'remedy.1', 'thanks.1'];
const PHONE = { width: 390, height: 844, touch: true } as const;
const LAPTOP = { width: 1280, height: 720 } as const;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(FAKE_MICROPHONE);
});

afterAll(async () => {
  await browser?.close();
});

function open(size: { width: number; height: number; touch?: boolean }) {
  return openPage(browser, new URL(KETTLE, inject('appUrl')).href, { ...size, reducedMotion: 'reduce' });
}

/** How many recordings the app's recordings database holds (opened and closed in the page). */
function recordingCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const req = indexedDB.open('complaint-handling-simulator-recordings');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('recordings')) {
            db.close();
            done(0);
            return;
          }
          const count = db.transaction('recordings').objectStore('recordings').count();
          count.onsuccess = () => {
            db.close();
            done(count.result);
          };
          count.onerror = () => fail(count.error);
        };
      }),
  );
}

/** Opens the panel from the keyboard: focus the toggle, press Enter; focus lands on Record. */
async function openPanel(page: Page): Promise<void> {
  await waitForTurn(page);
  await page.focus('[data-testid="rehearse-toggle"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="rehearse"]:not([hidden])');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'rehearse-record',
  );
}

/** The panel is in the window and covers neither a reply nor the customer's face. */
async function expectPanelClear(page: Page, where: string): Promise<void> {
  const [panel] = await boxes(page, '[data-testid="rehearse"]');
  expect(panel, `${where}: panel shown`).toBeDefined();
  if (panel === undefined) return;
  expect(inside(panel, await viewport(page)), `${where}: panel ${JSON.stringify(panel)} in the window`).toBe(
    true,
  );
  const face = await faceBox(page);
  expect(overlaps(panel, face), `${where}: panel over the face ${JSON.stringify(face)}`).toBe(false);
  const replies = await boxes(page, REPLY);
  expect(replies.length, `${where}: replies shown`).toBeGreaterThan(0);
  for (const reply of replies)
    expect(overlaps(panel, reply), `${where}: panel over a reply ${JSON.stringify(reply)}`).toBe(false);
  // The first reply is still in the window beside it.
  const first = replies[0];
  if (first !== undefined)
    expect(inside(first, await viewport(page)), `${where}: first reply in view`).toBe(true);
}

describe('Rehearse aloud', () => {
  it('records, plays back and self-marks a reply; the marks reach the evidence record; erase removes the recording', async () => {
    const { page, errors } = await open(LAPTOP);
    await openPanel(page);
    await expectPanelClear(page, '1280×720');

    // Record with the keyboard (focus is on Record): the microphone is asked for now, not before.
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rehearse-record"][data-recording="true"]');
    // Wait until a second of audio is in, by the panel's own clock.
    await page.waitForFunction(() =>
      /Recording… 0:0[1-9]/.test(
        document.querySelector('[data-testid="rehearse-status"]')?.textContent ?? '',
      ),
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rehearse-play"]:not([disabled])');
    expect(await page.textContent('[data-testid="rehearse-status"]')).toMatch(/^Recorded 0:0[1-9]\./);
    expect(await recordingCount(page)).toBe(1);

    // Play back (focus moved to Play back) and wait for the audio to play to its end.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'rehearse-play',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('[data-testid="rehearse-audio"]');
      return audio?.ended === true && audio.currentTime > 0.5;
    });
    await page.waitForSelector('[data-testid="rehearse-status"]:has-text("Played back.")');

    // Tick Listen, Apologise and Solve with the keyboard (the reply picked next does not solve yet).
    for (const step of ['listen', 'apologise', 'solve']) {
      await page.focus(`#rehearse-step-${step}`);
      await page.keyboard.press('Space');
    }
    expect(await page.locator('.rehearse-steps input:checked').count()).toBe(3);
    await expectPanelClear(page, '1280×720 after recording');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'rehearse-1280x720');

    // Carry on as today: the written replies, the marks and the ending are unchanged.
    await playByKey(page, BEST);
    await continueByKey(page);
    expect(await page.textContent('[data-testid="percent"]')).toBe('100%');

    // The debrief's folded ticks, beside what the reply picked counts towards.
    await page.click('[data-testid="fold-rehearsed"] summary');
    expect(await page.textContent('[data-testid="fold-rehearsed"] h3')).toBe('Rehearsed aloud at 1 turn');
    expect(await page.textContent('[data-testid="debrief-rehearsed"] li')).toBe(
      'Before reply 1: Ticked: Listen, Apologise, Solve. The reply you picked counts towards: Listen, Apologise. You ticked Solve, which the reply you picked does not do.',
    );

    await page.click('[data-testid="open-evidence"]');
    const marks = page.locator('[data-testid="evidence-rehearsed"] li');
    await marks.first().waitFor();
    expect(await marks.count()).toBe(1);
    expect(await marks.first().getAttribute('data-steps')).toBe('listen apologise solve');
    expect(await marks.first().textContent()).toBe(
      'Before reply 1: Ticked: Listen, Apologise, Solve (recorded)',
    );
    await page.click('[data-testid="close-evidence"]');

    await page.click('[data-testid="open-history"]');
    await page.click('[data-testid="erase"]');
    await page.click('.progress-dialog button[data-value="erase"]');
    await page.waitForSelector('[data-testid="history"] .empty');
    expect(await recordingCount(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fits a phone: the panel under the customer, above the replies, the first reply still in view', async () => {
    const { page, errors } = await open(PHONE);
    await openPanel(page);
    await expectPanelClear(page, '390×844');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rehearse-record"][data-recording="true"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rehearse-play"]:not([disabled])');
    await page.focus('#rehearse-step-listen');
    await page.keyboard.press('Space');
    await screenshot(page, 'rehearse-390x844');
    await expectPanelClear(page, '390×844 after recording');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so plainly when the microphone is refused, and the role-play carries on', async () => {
    const { page, errors } = await open(LAPTOP);
    // As a browser that refuses: the page's own getUserMedia rejects the way a denied prompt does.
    await page.evaluate(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await openPanel(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rehearse-status"]:has-text("The microphone was not allowed")');
    expect(await page.locator('[data-testid="rehearse-play"][disabled]').count()).toBe(1);
    // Ticks still count without a recording, and the replies work as ever.
    await page.focus('#rehearse-step-listen');
    await page.keyboard.press('Space');
    await playByKey(page, BEST);
    await continueByKey(page);
    await page.click('[data-testid="open-evidence"]');
    expect(await page.textContent('[data-testid="evidence-rehearsed"] li')).toBe(
      'Before reply 1: Ticked: Listen (not recorded)',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/**
 * Robust play: a learner (or a cat) mashing keys, double-clicking replies,
 * resizing the window mid-animation and switching tabs must still get one
 * reply per turn, each one a reply they were shown at that turn, and reach
 * the debrief. See docs/security.md, "Browser: robust play".
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { readCatalogue, readScenarioFile } from '../../src/cli/files.ts';
import { createSession } from '../../src/engine/index.ts';
import { canvasFitsStage, launchBrowser, openPage, waitForStage } from './support/browser.ts';
import { REPLY } from './support/roleplay.ts';

const root = resolve(import.meta.dirname, '../..');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * In the page before its scripts: a switch for page visibility (as a tab
 * change or a minimised window would set it), and a log of every reply
 * button drawn, with how many replies the learner had made at that moment.
 */
const INSTRUMENT = `
  window.__hidden = false;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__hidden });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (window.__hidden ? 'hidden' : 'visible') });
  window.__setHidden = (hidden) => {
    window.__hidden = hidden;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  window.__shown = [];
  new MutationObserver((records) => {
    const made = document.querySelectorAll('.history > li.turn.you').length;
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const buttons = node.matches('button.reply') ? [node] : [...node.querySelectorAll('button.reply')];
        for (const button of buttons) window.__shown.push({ made, text: button.querySelector('.reply-text')?.textContent ?? button.textContent });
      }
  }).observe(document, { childList: true, subtree: true });
`;

/** A small seeded generator, so a failure replays the same mash. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 900, height: 700 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 640 },
] as const;
const KEYS = ['1', '2', '3', '1', '2', 'Enter', 'Enter', ' ', 'Escape'] as const;

async function atDebrief(page: Page): Promise<boolean> {
  return (await page.locator('[data-testid="percent"]').count()) > 0;
}

/** One random action; returns a label for the log. */
async function mash(
  page: Page,
  next: () => number,
  state: { hidden: boolean; size: number },
): Promise<string> {
  const roll = next();
  if (roll < 0.6) {
    const key = KEYS[Math.floor(next() * KEYS.length)] ?? 'Enter';
    await page.keyboard.press(key);
    return `key ${key}`;
  }
  if (roll < 0.8) {
    const replies = page.locator(REPLY);
    const count = await replies.count();
    if (count === 0) return 'no reply to double-click';
    const nth = Math.floor(next() * count);
    // The reply may be chosen (and replaced) between the count and the click: that is the point.
    await replies
      .nth(nth)
      .dblclick({ timeout: 1_000, force: true })
      .catch(() => undefined);
    return `double-click reply ${nth + 1}`;
  }
  if (roll < 0.9) {
    state.size = (state.size + 1) % SIZES.length;
    const size = SIZES[state.size] ?? SIZES[0];
    await page.setViewportSize(size);
    return `resize ${size.width}x${size.height}`;
  }
  state.hidden = !state.hidden;
  await page.evaluate(
    (hidden) => (window as unknown as { __setHidden(h: boolean): void }).__setHidden(hidden),
    state.hidden,
  );
  return state.hidden ? 'hide page' : 'show page';
}

it('survives mashed keys, double-clicks, resizes and tab switches: one shown reply per turn, to the debrief', {
  timeout: 120_000,
}, async () => {
  const seed = Number(process.env.SIM_MASH_SEED ?? 20261123);
  const next = random(seed);
  const { page, errors } = await openPage(browser, 'about:blank');
  await page.addInitScript(INSTRUMENT);
  await page.goto(inject('appUrl'));
  await page.waitForSelector('.card');
  await waitForStage(page, 'menu');
  await page.locator('label:has(input[name="model"][value="LASS"])').click();
  await page.locator('button[data-scenario="faulty-kettle"]').click();
  await page.waitForSelector('.bubble, button.reply');

  const log: string[] = [];
  const state = { hidden: false, size: 0 };
  let transcript: string[] = [];
  for (let i = 0; i < 600 && !(await atDebrief(page)); i++) {
    // What the learner has said so far, read before the debrief replaces the page.
    if ((await page.locator('button.continue').count()) > 0) {
      transcript = await page.locator('.history > li.turn.you > .line').allTextContents();
    }
    log.push(await mash(page, next, state));
  }
  if (state.hidden) await mash(page, () => 0.95, state);
  expect(await atDebrief(page), `seed ${seed}; still playing after:\n${log.slice(-30).join('\n')}`).toBe(
    true,
  );
  await waitForStage(page, 'debrief');
  // A function, not a string: Playwright polls a string predicate with eval, which the CSP refuses.
  await page.waitForFunction(() => {
    const canvas = document.querySelector('#stage canvas') as HTMLCanvasElement | null;
    const stage = document.getElementById('stage');
    if (canvas === null || stage === null) return false;
    return (
      Math.abs(canvas.width - stage.clientWidth) <= 1 && Math.abs(canvas.height - stage.clientHeight) <= 1
    );
  });
  expect(await canvasFitsStage(page)).toBe(true);

  // Replayed through the engine in Node: every reply was offered at its turn, and the run ended.
  const { catalogue } = readCatalogue(root);
  const { scenario } = readScenarioFile('scenarios/faulty-kettle.yaml', catalogue, root);
  if (scenario === null) throw new Error('faulty-kettle did not load');
  const session = createSession(scenario);
  expect(transcript.length).toBeGreaterThan(0);
  for (const say of transcript) {
    const offered = session.view().offered;
    const choice = offered.find((c) => c.say === say);
    expect(choice, `"${say}" was not offered at ${session.view().node.id}`).toBeDefined();
    if (choice !== undefined) session.choose(choice.id);
  }
  expect(session.view().ending).not.toBeNull();

  // Each reply was on screen, as a reply button, when the learner had made exactly that many replies.
  const shown = (await page.evaluate('window.__shown')) as { made: number; text: string }[];
  transcript.forEach((say, made) => {
    expect(
      shown.some((s) => s.made === made && s.text.includes(say)),
      `reply ${made + 1} "${say}" was never shown at turn ${made + 1}`,
    ).toBe(true);
  });
  expect(errors).toEqual([]);
});

/**
 * "Say it your way" (issue 19, src/game/sayIt): in the kettle, the learner
 * types each reply before the replies are offered; the acts the reader finds
 * are marked in their own words, the closest offered reply is pre-selected,
 * they confirm it (or pick another), and the run scores as `sim play` scores
 * the confirmed replies. The expected readings and pre-selections are worked
 * out here in Node by the same analyser over the same build-time data
 * (src/game/build/readingPlugin.ts), never written in by hand; the plain
 * examples of the issue ("I'm so sorry" → Apologise, "you must have" →
 * Blaming) are checked as the issue words them. Also: nothing of the typed
 * text reaches an LRS, and the box's place on a phone and a laptop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { libraryFolders } from '../../src/game/build/libraryPlugin.ts';
import { buildReadingData } from '../../src/game/build/readingPlugin.ts';
import { cueSetFromData, readReply } from '../../src/reading/index.ts';
import { closestReply } from '../../src/reading/similarity.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { box, faceBox, inside, overlaps, viewport } from './support/layout.ts';
import {
  continueByKey,
  REPLY,
  readDebrief,
  replyButton,
  shownChoiceIds,
  shownReplyTexts,
} from './support/roleplay.ts';
import { simPlay } from './support/simPlay.ts';

const KETTLE = '?scenario=faulty-kettle&model=LASS';
const BOX = '[data-testid="say-it-text"]';
const SWITCH_ON = "localStorage.setItem('complaint-sim.say-it.v1', 'on');";

const data = buildReadingData(libraryFolders(resolve(import.meta.dirname, '../..')));
const cues = cueSetFromData(data.cues);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(query: string, options: { width?: number; height?: number; init?: string } = {}) {
  const watched = await openPage(browser, 'about:blank', { reducedMotion: 'reduce', ...options });
  if (options.init !== undefined) await watched.page.addInitScript(options.init);
  await watched.page.goto(new URL(query, inject('appUrl')).href);
  return watched;
}

/** Types a reply in the box (the replies are not up yet) and checks it; returns the replies then on screen. */
async function sayAndCheck(page: Page, text: string): Promise<{ ids: string[]; texts: string[] }> {
  await page.locator(BOX).waitFor({ state: 'visible' });
  expect(await page.locator(REPLY).count(), 'no reply is offered before the learner has typed').toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('say-it-text');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForSelector(REPLY);
  return { ids: await shownChoiceIds(page), texts: await shownReplyTexts(page) };
}

/** The acts marked on screen: each `<mark>`'s acts and words, and the act names listed with their evidence. */
async function markedOnScreen(page: Page): Promise<{ act: string; words: string; tag: string }[]> {
  return page.locator('[data-testid="say-it-words"] mark').evaluateAll((marks) =>
    marks.flatMap((mark) =>
      (mark.getAttribute('data-acts') ?? '').split(' ').map((act) => ({
        act,
        words: mark.firstChild?.textContent ?? '',
        tag: mark.querySelector('.say-it-tag')?.textContent ?? '',
      })),
    ),
  );
}

/** What the reader makes of the text in Node, as the page must show it. */
function expectedReading(text: string) {
  return readReply(text, cues).acts;
}

async function checkReading(page: Page, text: string): Promise<void> {
  const acts = expectedReading(text);
  const marks = await markedOnScreen(page);
  expect(marks.map((m) => m.act).sort()).toEqual(acts.map((a) => a.act).sort());
  for (const act of acts) {
    const mark = marks.find((m) => m.act === act.act);
    // The mark holds the evidence (overlapping evidence shares one mark, so it may hold more).
    expect(mark?.words).toContain(act.evidence);
    const listed = page.locator(`.say-it-acts li[data-act="${act.act}"]`);
    expect(await listed.getAttribute('data-confidence')).toBe(act.confidence);
    const tutor = await listed.locator('.say-it-tutor').count();
    expect(tutor, `${act.act}: "tutor to check" exactly when its confidence is tutor`).toBe(
      act.confidence === 'tutor' ? 1 : 0,
    );
  }
}

/** The id the page must pre-select: the closest of the replies on screen, worked out in Node. */
function expectedClosest(text: string, ids: readonly string[], texts: readonly string[]): string | null {
  const index = closestReply(text, texts, data.weights, cues.spellings);
  return index === null ? null : (ids[index] ?? null);
}

async function preselected(page: Page): Promise<string | null> {
  return page
    .locator('button.reply[data-preselected="true"]')
    .getAttribute('data-choice-id', { timeout: 5_000 });
}

/** Confirms the pre-selected reply with Enter (focus is on it) and waits for the next turn to begin. */
async function confirmByEnter(page: Page): Promise<void> {
  const before = await page.locator('.history > li').count();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-preselected')))
    .toBe('true');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
}

async function pick(page: Page, id: string): Promise<void> {
  const before = await page.locator('.history > li').count();
  await page.locator(replyButton(id)).click();
  await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
}

/** The kettle's run [3, 1, 2, 1]: blame, apologise, a quick refund, thanks, typed first at every turn. */
const TURNS = [
  { text: 'You must have done something to it, they are usually fine.', intends: 'opening.3' },
  { text: "I'm so sorry, that came out wrong. Please tell me what happened.", intends: 'angry.1' },
  { text: "So it powers on but won't heat? That's frustrating with guests coming.", intends: 'details.1' },
  { text: 'Thank you for bringing it back, here is your refund. Enjoy your evening!', intends: 'thanks.1' },
] as const;

describe('say it your way', () => {
  it('reads the typed replies in the kettle, pre-selects the closest, and scores as sim play scores the confirmed replies', async () => {
    const expected = await simPlay([3, 1, 2, 1]);
    const confirmed = choiceIds([3, 1, 2, 1]);
    // The switch on the menu is off by default; turned on, it is remembered for the role-play.
    const { page, errors } = await open('./');
    const menuSwitch = page.locator('[data-testid="say-it-menu-switch"]');
    await menuSwitch.waitFor();
    expect(await menuSwitch.isChecked()).toBe(false);
    await menuSwitch.check();
    await page.goto(new URL(`${KETTLE}&mode=practice&seed=7`, inject('appUrl')).href);

    // Turn 1: a digit typed in the box is text, never a reply key.
    await page.locator(BOX).waitFor({ state: 'visible' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('say-it-text');
    await page.keyboard.type('1 2 3');
    expect(await page.locator(BOX).inputValue()).toBe('1 2 3');
    expect(await page.locator('.history > li').count()).toBe(0);
    await page.locator(BOX).fill('');

    const first = TURNS[0];
    let shown = await sayAndCheck(page, first.text);
    await checkReading(page, first.text);
    // As the issue words it: "you must have" → Blaming; "tutor to check" beside it exactly when the
    // cues mark blame so (checkReading: models/cues.yaml's `check: tutor`, which follows its precision).
    const blame = (await markedOnScreen(page)).find((m) => m.act === 'blame');
    expect(blame?.words.toLowerCase()).toContain('you must have');
    expect(blame?.tag).toBe('Blaming');
    expect(await preselected(page)).toBe(expectedClosest(first.text, shown.ids, shown.texts));
    expect(await preselected(page)).toBe(first.intends);
    await screenshot(page, 'say-it-1280x720');
    await confirmByEnter(page);

    const second = TURNS[1];
    shown = await sayAndCheck(page, second.text);
    await checkReading(page, second.text);
    const sorry = (await markedOnScreen(page)).find((m) => m.act === 'apologise');
    expect(sorry?.words).toContain("I'm so sorry");
    expect(sorry?.tag).toBe('Apologise');
    expect(await page.locator('[data-testid="say-it-steps"]').textContent()).toContain('Apologise');
    expect(await preselected(page)).toBe(expectedClosest(second.text, shown.ids, shown.texts));
    expect(await preselected(page)).toBe(second.intends);
    await confirmByEnter(page);

    // Turn 3: confirm the closest, then Undo: the turn's entry goes with the reply; typed again, another is picked.
    const third = TURNS[2];
    shown = await sayAndCheck(page, third.text);
    expect(await preselected(page)).toBe(expectedClosest(third.text, shown.ids, shown.texts));
    expect(await preselected(page)).toBe(third.intends);
    await confirmByEnter(page);
    await page.locator(BOX).waitFor({ state: 'visible' });
    await page.locator('button.undo').click();
    await page.locator(BOX).waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.history > li').count()).toBe(4);
    const retyped = 'Right, I will just get you a refund.';
    shown = await sayAndCheck(page, retyped);
    const closest = await preselected(page);
    expect(closest).toBe(expectedClosest(retyped, shown.ids, shown.texts));
    await pick(page, 'details.2');

    const last = TURNS[3];
    shown = await sayAndCheck(page, last.text);
    await checkReading(page, last.text);
    expect(await preselected(page)).toBe(last.intends);
    await confirmByEnter(page);

    await continueByKey(page);
    const debrief = await readDebrief(page);
    expect(debrief.percent).toBe(`${expected.score.percent}%`);
    expect(debrief.band).toBe(expected.score.band);

    // The debrief's folded "What you wrote": one entry per reply, the undone one gone.
    const wrote = page.locator('[data-testid="fold-said"]');
    await wrote.locator('summary').click();
    const rows = wrote.locator('[data-testid="what-you-wrote"] > li');
    expect(await rows.count()).toBe(4);
    // Their words as typed: the text without the act names tagged on each mark.
    const texts = await rows.locator('[data-testid="said-text"]').evaluateAll((dds) =>
      dds.map((dd) => {
        const copy = dd.cloneNode(true) as HTMLElement;
        for (const tag of copy.querySelectorAll('.say-it-tag')) tag.remove();
        return copy.textContent;
      }),
    );
    expect(texts).toEqual([first.text, second.text, retyped, last.text]);
    const picked = await rows
      .locator('[data-testid="said-picked"]')
      .evaluateAll((dds) => dds.map((dd) => dd.getAttribute('data-choice-id')));
    expect(picked).toEqual(confirmed);
    expect(await rows.nth(0).locator('mark[data-acts="blame"]').count()).toBe(1);
    await screenshot(page, 'say-it-debrief-1280x720');

    // The evidence record lists them too.
    await page.locator('[data-testid="open-evidence"]').click();
    const record = page.locator('.evidence-said [data-testid="what-you-wrote"] > li');
    await record.first().waitFor();
    expect(await record.count()).toBe(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is off by default: the replies come up as before, with no box', async () => {
    const { page, errors } = await open(`${KETTLE}&mode=practice&seed=7`);
    await page.waitForSelector(REPLY);
    expect(await page.locator(BOX).isVisible()).toBe(false);
    expect(await page.locator('#say-it-switch').isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is off in Assessment even with the learner’s switch on, unless the tutor’s address turns it on', async () => {
    const off = await open(`${KETTLE}&mode=assessment&seed=7`, { init: SWITCH_ON });
    await off.page.waitForSelector(REPLY);
    expect(await off.page.locator(BOX).isVisible()).toBe(false);
    await off.page.context().close();
    const on = await open(`${KETTLE}&mode=assessment&seed=7&say-it=on`);
    await on.page.locator(BOX).waitFor({ state: 'visible' });
    expect(await on.page.locator(REPLY).count()).toBe(0);
    expect(on.errors).toEqual([]);
    await on.page.context().close();
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`at ${width}×${height} the box is in the window, clear of the face and of the replies`, async () => {
      const { page, errors } = await open(`${KETTLE}&mode=practice&seed=7`, {
        width,
        height,
        init: SWITCH_ON,
      });
      await page.locator(BOX).waitFor({ state: 'visible' });
      const textBox = await box(page, BOX);
      const check = await box(page, '.say-it-check');
      const face = await faceBox(page);
      const window = await viewport(page);
      for (const [name, b] of [
        ['box', textBox],
        ['check', check],
      ] as const) {
        expect(inside(b, window), `${name} ${JSON.stringify(b)} in ${JSON.stringify(window)}`).toBe(true);
        expect(
          overlaps(b, face),
          `${name} ${JSON.stringify(b)} clear of the face ${JSON.stringify(face)}`,
        ).toBe(false);
      }
      await screenshot(page, `say-it-box-${width}x${height}`);
      expect(await axeViolations(page), 'WCAG 2.2 AA with the box up').toEqual([]);
      await page.keyboard.type("I'm so sorry, what happened when you switched it on?");
      await page.keyboard.press('Enter');
      await page.waitForSelector(REPLY);
      const result = await box(page, '[data-testid="say-it-result"]');
      for (const reply of await page.locator(REPLY).all()) {
        const r = await reply.boundingBox();
        if (r === null) continue;
        const replyBox = { left: r.x, top: r.y, right: r.x + r.width, bottom: r.y + r.height };
        expect(
          overlaps(result, replyBox),
          `reading ${JSON.stringify(result)} and reply ${JSON.stringify(replyBox)}`,
        ).toBe(false);
      }
      expect(overlaps(result, await faceBox(page))).toBe(false);
      await screenshot(page, `say-it-read-${width}x${height}`);
      expect(await axeViolations(page), 'WCAG 2.2 AA with the reading and the replies up').toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

/** A stub LRS on 127.0.0.1 that stores every statement posted to it (with CORS, as the page is on another port). */
async function stubLrs(): Promise<{ url: string; statements: unknown[]; server: Server }> {
  const statements: unknown[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (req.url?.startsWith('/xapi/statements') === true && body !== '') {
        const parsed = JSON.parse(body) as unknown;
        const list = Array.isArray(parsed) ? parsed : [parsed];
        statements.push(...list);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(list.map((s) => (s as { id?: string }).id)));
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, statements, server };
}

describe('say it your way and the LRS', () => {
  it('answered statements carry the act ids found, never the typed text', async () => {
    const lrs = await stubLrs();
    try {
      const actor = JSON.stringify({ account: { homePage: 'https://moodle.college.example', name: '4711' } });
      const launch = `&endpoint=${encodeURIComponent(`${lrs.url}/xapi/`)}&auth=${encodeURIComponent('Basic dGVzdDp0ZXN0')}&actor=${encodeURIComponent(actor)}`;
      const { page, errors } = await open(`${KETTLE}&mode=practice&seed=7${launch}`, { init: SWITCH_ON });
      const typed = 'Oh no, I am so sorry about that. Zebracorn, what happened?';
      const reading = expectedReading(typed);
      const acts = [...new Set(reading.map((a) => a.act))];
      const tutorToCheck = [...new Set(reading.filter((a) => a.confidence !== 'sure').map((a) => a.act))];
      expect(acts.length).toBeGreaterThan(0);
      await sayAndCheck(page, typed);
      const chosen = await preselected(page);
      await confirmByEnter(page);
      const said = 'https://complaint-handling-simulator.invalid/xapi/extensions/said';
      const answered = () =>
        lrs.statements.filter((s) => (s as { verb: { id: string } }).verb.id.endsWith('/answered')) as {
          result: {
            response: string;
            extensions: Record<string, { acts: string[]; tutorToCheck: string[]; text?: string }>;
          };
        }[];
      await expect.poll(() => answered().length, { timeout: 60_000 }).toBe(1);
      const statement = answered()[0];
      expect(statement?.result.response).toBe(chosen);
      expect(statement?.result.extensions[said]?.acts).toEqual(acts);
      // Which of them the reader was not sure of: an LRS reader can tell them from sure readings.
      expect(statement?.result.extensions[said]?.tutorToCheck).toEqual(tutorToCheck);
      expect(statement?.result.extensions[said]?.text).toBeUndefined();
      // Not one word of what was typed, anywhere in anything sent.
      const sent = JSON.stringify(lrs.statements);
      expect(sent).not.toContain('Zebracorn');
      expect(sent).not.toContain(typed);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      lrs.server.close();
    }
  });
});

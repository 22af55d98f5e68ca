/**
 * "Say it your way" with a scenario's own cues (issue 19; `reading:` in
 * scenarios/estimated-energy-bill.yaml): reading out the customer's address
 * before checking who they are is flagged as Disclosing data, sure for the
 * house number and street, "tutor to check" for the street alone; once a
 * chosen reply has verified him, saying it back is not. The debrief's "What
 * you wrote" and the evidence record say, per act, whether the reading was
 * sure or "tutor to check". Every expected reading is worked out here in Node
 * by the same analyser over the same build-time data and the same context
 * (the replies chosen, the customer's lines shown), never written in by hand.
 */
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCatalogue, readScenarioFile } from '../../src/cli/files.ts';
import { libraryFolders } from '../../src/game/build/libraryPlugin.ts';
import { buildReadingData } from '../../src/game/build/readingPlugin.ts';
import {
  cueSetFromData,
  type FoundAct,
  readContext,
  readInScenario,
  scenarioCues,
} from '../../src/reading/index.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { continueByKey, REPLY, readDebrief, replyButton } from './support/roleplay.ts';
import { simPlay } from './support/simPlay.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = 'scenarios/estimated-energy-bill.yaml';
const BOX = '[data-testid="say-it-text"]';
const SWITCH_ON = "localStorage.setItem('complaint-sim.say-it.v1', 'on');";

const data = buildReadingData(libraryFolders(ROOT));
const { catalogue } = readCatalogue(ROOT);
const scenario = readScenarioFile(FILE, catalogue, ROOT).scenario;
if (scenario === null) throw new Error(`${FILE} should load`);
const cues = scenarioCues(cueSetFromData(data.cues), scenario.reading);

/**
 * The run: what is typed first (null: "Show the replies"), and the reply then
 * chosen. details.2 verifies him; the last three turns reach the best ending.
 */
const TURNS = [
  {
    text: "I've found you: 22 Kingsdown Road. Talk me through what happened.",
    node: 'opening',
    pick: 'opening.1',
  },
  { text: 'Are you still on Kingsdown Road?', node: 'details', pick: 'details.2' },
  { text: "Thanks. So that's 22 Kingsdown Road, SN2 7QT?", node: 'account', pick: 'account.2' },
  { text: null, node: 'reading', pick: 'rebill-now' },
  { text: null, node: 'meter', pick: 'meter.3' },
  { text: null, node: 'closing', pick: 'closing.1' },
] as const;
/** The same run as `--choices` counts it (positions among the replies offered). */
const POSITIONS = [1, 2, 2, 2, 3, 2];

/** What the page must find at turn `at`: read in Node with the context the run has then. */
function expectedAt(at: number): readonly FoundAct[] {
  const turn = TURNS[at];
  if (turn?.text == null) return [];
  const chosen = TURNS.slice(0, at).map((t) => scenario?.choices.get(t.pick));
  const heard = TURNS.slice(0, at + 1).flatMap((t) => scenario?.nodes.get(t.node)?.customer ?? []);
  return readInScenario(
    turn.text,
    cues,
    readContext(
      chosen.filter((c) => c !== undefined),
      heard,
    ),
  ).acts;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function pick(page: Page, id: string): Promise<void> {
  const before = await page.locator('.history > li').count();
  await page.locator(replyButton(id)).click();
  await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
}

/** The acts listed for one reply: act, how sure, and whether "tutor to check" is written beside it. */
async function listed(items: Locator): Promise<{ act: string; confidence: string; tutorTag: boolean }[]> {
  return items.evaluateAll((nodes) =>
    nodes.map((node) => ({
      act: node.getAttribute('data-act') ?? '',
      confidence: node.getAttribute('data-confidence') ?? '',
      tutorTag: node.querySelector('.say-it-tutor')?.textContent === 'tutor to check',
    })),
  );
}

const asListed = (acts: readonly FoundAct[]) =>
  acts.map((a) => ({ act: a.act, confidence: a.confidence, tutorTag: a.confidence === 'tutor' }));

describe("say it your way: a scenario's own cues", () => {
  it('flags a disclosure before verify, not after, and the record says what was sure and what is for the tutor', async () => {
    const expected = await simPlay(POSITIONS, { file: FILE, model: 'LASS' });
    // The Node readings this test stands on: a sure disclosure, a "tutor to check" one, then none.
    expect(expectedAt(0).find((a) => a.act === 'disclose')).toMatchObject({
      evidence: '22 Kingsdown Road',
      confidence: 'sure',
    });
    expect(expectedAt(1).find((a) => a.act === 'disclose')).toMatchObject({ confidence: 'tutor' });
    expect(expectedAt(2).map((a) => a.act)).not.toContain('disclose');

    const watched = await openPage(browser, 'about:blank', { reducedMotion: 'reduce' });
    const { page, errors } = watched;
    await page.addInitScript(SWITCH_ON);
    await page.goto(
      new URL('?scenario=estimated-energy-bill&model=LASS&mode=practice&seed=7', inject('appUrl')).href,
    );

    for (const [at, turn] of TURNS.entries()) {
      await page.locator(BOX).waitFor({ state: 'visible' });
      if (turn.text === null) {
        await page.locator('.say-it-skip').click();
      } else {
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('say-it-text');
        await page.keyboard.type(turn.text);
        await page.keyboard.press('Enter');
      }
      await page.waitForSelector(REPLY);
      if (turn.text !== null) {
        expect(await listed(page.locator('.say-it-acts li')), `turn ${at + 1}`).toEqual(
          asListed(expectedAt(at)),
        );
        const disclosed = expectedAt(at).find((a) => a.act === 'disclose');
        const mark = page.locator('[data-testid="say-it-words"] mark[data-acts~="disclose"]');
        expect(await mark.count()).toBe(disclosed === undefined ? 0 : 1);
        if (disclosed !== undefined) {
          expect(await mark.locator('.say-it-tag').textContent()).toContain('Disclosing data');
          expect(await mark.textContent()).toContain(disclosed.evidence);
        }
      }
      await pick(page, turn.pick);
    }

    await continueByKey(page);
    const debrief = await readDebrief(page);
    // The disclosures typed are the learner's practice, not their score: the run scores as sim play does.
    expect(debrief.percent).toBe(`${expected.score.percent}%`);
    expect(debrief.band).toBe(expected.score.band);

    const typed = TURNS.flatMap((t, at) => (t.text === null ? [] : [asListed(expectedAt(at))]));
    const wrote = page.locator('[data-testid="fold-said"]');
    await wrote.locator('summary').click();
    const rows = wrote.locator('[data-testid="what-you-wrote"] > li');
    expect(await rows.count()).toBe(typed.length);
    for (const [row, acts] of typed.entries())
      expect(await listed(rows.nth(row).locator('[data-testid="said-acts"] .said-act'))).toEqual(acts);
    expect(await rows.nth(1).locator('[data-act="disclose"] .say-it-tutor').textContent()).toBe(
      'tutor to check',
    );

    await page.locator('[data-testid="open-evidence"]').click();
    const record = page.locator('.evidence-said [data-testid="what-you-wrote"] > li');
    await record.first().waitFor();
    expect(await record.count()).toBe(typed.length);
    for (const [row, acts] of typed.entries())
      expect(await listed(record.nth(row).locator('[data-testid="said-acts"] .said-act'))).toEqual(acts);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

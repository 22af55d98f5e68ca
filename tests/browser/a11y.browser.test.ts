/**
 * WCAG 2.2 A and AA audit with axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)
 * on every view of the built app: menu and accessibility settings, Practice and Assessment
 * role-plays with their dialogs, the debriefs, history, evidence record, presenter mode,
 * tutor hub, scenario map and editor; again in high contrast at 200% text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openWith } from '../a11y/browserSupport.ts';
import { launchBrowser } from './support/browser.ts';
import { firstReplies } from './support/choiceIds.ts';
import { continueByKey, playByKey, replyByKeyFor, waitForTurn } from './support/roleplay.ts';

/** axe-core takes seconds per view on a busy 2-core machine; each test audits several views. */
const AUDIT_TIMEOUT = 240_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const url = (query = ''): string => new URL(query, inject('appUrl')).href;
const roleplay = (scenario: string, model: string, mode: string): string =>
  url(`?scenario=${scenario}&model=${model}&mode=${mode}`);

/** Audits the page and records the view's name with each violation, so one failure lists them all. */
async function audit(page: Page, view: string, found: string[]): Promise<void> {
  for (const v of await axeViolations(page)) found.push(`${view}: ${v}`);
}

describe('axe-core WCAG 2.2 AA audit', { timeout: AUDIT_TIMEOUT }, () => {
  it('finds nothing on the menu and the accessibility settings panel', async () => {
    const { page, errors } = await openWith(browser, url(), { reducedMotion: 'reduce' });
    await page.waitForSelector('.card');
    await page.waitForSelector('[data-testid="open-history"]');
    const found: string[] = [];
    await audit(page, 'menu', found);
    await page.click('[data-testid="a11y-open"]');
    await page.waitForSelector('[data-testid="a11y-panel"][open]');
    await audit(page, 'settings panel', found);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds nothing in a Practice role-play, its feedback, the pause menu and the debrief', async () => {
    const { page, errors } = await openWith(browser, roleplay('faulty-kettle', 'LASS', 'practice'), {
      reducedMotion: 'reduce',
    });
    const found: string[] = [];
    await waitForTurn(page);
    await audit(page, 'practice: first turn', found);
    await replyByKeyFor(page, 'opening.2');
    await waitForTurn(page);
    await page.waitForSelector('.feedback:not([hidden])');
    await audit(page, 'practice: feedback', found);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.pause-menu[open]');
    await audit(page, 'practice: pause menu', found);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.pause-menu', { state: 'hidden' });
    await playByKey(page, ['details.1', 'remedy.1', 'thanks.1']);
    await audit(page, 'practice: ending', found);
    await continueByKey(page);
    await audit(page, 'practice: debrief', found);
    await page.click('[data-testid="open-evidence"]');
    await page.waitForSelector('[data-testid="evidence"]');
    await audit(page, 'evidence record', found);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds nothing in an Assessment phone call, the self-assessment, the debrief and history', async () => {
    const { page, errors } = await openWith(browser, roleplay('assistance-dog-cafe', 'LASS', 'assessment'), {
      reducedMotion: 'reduce',
    });
    const found: string[] = [];
    await waitForTurn(page);
    await page.waitForSelector('.call-timer');
    await audit(page, 'assessment: phone call', found);
    // The first reply in file order at every turn (the run the CLI's 1,1,... plays), by its id.
    for (const id of firstReplies('scenarios/assistance-dog-cafe.yaml')) await replyByKeyFor(page, id);
    await page.waitForSelector('button.continue');
    await page.click('button.continue');
    await page.waitForSelector('[data-testid="self-assessment"]');
    await audit(page, 'assessment: self-assessment', found);
    for (const group of await page.locator('[data-testid="self-assessment"] fieldset').all()) {
      await group.locator('input[type="radio"]').first().check();
    }
    await page.click('[data-testid="self-assessment"] button[type="submit"]');
    await page.waitForSelector('[data-testid="percent"]');
    await audit(page, 'assessment: debrief', found);
    await page.click('[data-testid="open-history"]');
    await page.waitForSelector('[data-testid="history"]');
    await audit(page, 'history', found);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds nothing in presenter mode, the tutor hub, the scenario map and the editor', async () => {
    const { page, errors } = await openWith(browser, roleplay('faulty-kettle', 'LASS', 'presenter'), {
      reducedMotion: 'reduce',
    });
    const found: string[] = [];
    await page.waitForSelector('[data-testid="show-replies"]');
    await audit(page, 'presenter: line', found);
    await page.click('[data-testid="show-replies"]');
    await page.waitForSelector('[data-testid="vote-A"]');
    await audit(page, 'presenter: replies and vote', found);

    await page.goto(roleplay('faulty-kettle', 'LASS', 'practice'));
    await waitForTurn(page);
    await page.click('[data-testid="roleplay-map"]');
    await page.waitForSelector('[data-testid="map-dialog"] .map-node');
    await audit(page, 'map', found);

    await page.goto(url());
    await page.click('[data-testid="tutor-tools"]');
    await page.waitForSelector('[data-testid="present"]');
    await audit(page, 'tutor hub', found);
    await page.click('[data-testid="open-editor"]');
    await page.waitForSelector('.cm-content');
    await audit(page, 'editor', found);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds nothing in high contrast at 200% text (menu, role-play, debrief)', async () => {
    const { page, errors } = await openWith(browser, url(), {
      reducedMotion: 'reduce',
      settings: { textSize: 200, highContrast: true },
    });
    const found: string[] = [];
    await page.waitForSelector('.card');
    await audit(page, 'menu (high contrast, 200%)', found);
    await page.goto(roleplay('faulty-kettle', 'LASS', 'practice'));
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await audit(page, 'role-play (high contrast, 200%)', found);
    await playByKey(page, ['details.1', 'remedy.1', 'thanks.1']);
    await continueByKey(page);
    await audit(page, 'debrief (high contrast, 200%)', found);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});

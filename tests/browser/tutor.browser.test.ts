/**
 * Tutor tools against the built app: presenter mode with a class vote through
 * to the class debrief, the scenario map (layout, outcome colours, the run's
 * path, play from here), and the in-browser editor (an error at the right
 * line, fixed, then played). Every wait is for a condition.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { replyByKeyFor, waitForTurn } from './support/roleplay.ts';
import { simPlay } from './support/simPlay.ts';

const root = resolve(import.meta.dirname, '../..');
const KETTLE = readFileSync(resolve(root, 'scenarios/faulty-kettle.yaml'), 'utf8');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The letter (A, B, ...) the reply with this choice id has on screen: presenter mode shuffles the replies. */
async function letterOf(page: Page, id: string): Promise<string> {
  const letter = await page.getAttribute(`.presenter-reply[data-choice-id="${id}"]`, 'data-letter');
  if (letter === null) throw new Error(`reply ${id} is not on screen`);
  return letter;
}

/** The choice ids of the turn on screen, in letter order (A, B, ...). */
async function shownIds(page: Page): Promise<string[]> {
  return page
    .locator('.presenter-reply')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-choice-id') ?? ''));
}

/** Sets the hands for each reply of the turn on screen, by choice id. */
async function vote(page: Page, hands: Readonly<Record<string, number>>): Promise<void> {
  for (const [id, n] of Object.entries(hands)) {
    await page.locator(`[data-testid="vote-${await letterOf(page, id)}"]`).fill(String(n));
  }
}

/** "A 3 · B 7 · C 0": the votes line for these hands, in the order the replies were on screen. */
function votesLine(order: readonly string[], hands: Readonly<Record<string, number>>): string {
  return order.map((id, i) => `${String.fromCharCode(65 + i)} ${hands[id] ?? 0}`).join(' · ');
}

describe('presenter mode', () => {
  it('runs a class vote turn by turn, with a tie, back and forward, to a debrief showing every vote', async () => {
    const { page, errors } = await openPage(
      browser,
      `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=presenter`,
    );
    await page.waitForSelector('[data-testid="show-replies"]');
    expect(await page.textContent('[data-testid="presenter-line"]')).toContain('two weeks ago');
    // The replies stay hidden until the tutor reveals them.
    expect(await page.locator('[data-testid="vote-A"]').count()).toBe(0);
    await page.click('[data-testid="show-replies"]');

    // The customer's line stays on screen, once, above the replies.
    await page.waitForSelector('[data-testid="vote-A"]');
    expect(await page.locator('[data-testid="presenter-line"]').count()).toBe(1);
    expect(await page.locator('.presenter-reply .reply-letter').allTextContents()).toEqual(['A', 'B', 'C']);
    const firstOrder = await shownIds(page);
    expect([...firstOrder].sort()).toEqual(['opening.1', 'opening.2', 'opening.3']);

    // Turn 1: opening.2 wins 7 to 3, under whatever letter it has.
    const firstHands = { 'opening.1': 3, 'opening.2': 7, 'opening.3': 0 };
    const winner = await letterOf(page, 'opening.2');
    await vote(page, firstHands);
    await page.waitForFunction(
      (letter) => document.querySelector('[data-testid="tally"]')?.textContent?.includes(`Reply ${letter}`),
      winner,
    );
    await page.click('[data-testid="show-marks"]');
    await page.waitForSelector('[data-testid="marks"]');
    expect(await page.locator('[data-testid="marks"]').count()).toBe(3);
    expect(await page.locator('[data-testid="marks"][data-choice-id="opening.3"]').textContent()).toContain(
      'Blaming (−2 marks)',
    );
    // Beside the band in the marks: what the reply's own fault does to it, tied to the reply.
    expect(
      await page
        .locator('[data-testid="marks"][data-choice-id="opening.1"] [data-testid="reply-limit"]')
        .textContent(),
    ).toBe(
      'This reply holds the band to Merit at most: ‘Have you got the receipt?’ put procedure before the customer.',
    );
    expect(
      await page
        .locator('[data-testid="marks"][data-choice-id="opening.2"] [data-testid="reply-limit"]')
        .count(),
    ).toBe(0);
    await screenshot(page, 'tutor-presenter-votes');
    await page.click('[data-testid="play"]');
    await page.waitForSelector('[data-testid="next"]');
    expect(await page.textContent('.presenter-chose')).toContain(`reply ${winner}`);

    // Back a turn keeps the votes and the order; forward replays the class's choice.
    await page.click('[data-testid="presenter-back"]');
    await page.waitForSelector(`[data-testid="vote-${winner}"]`);
    expect(await shownIds(page)).toEqual(firstOrder);
    expect(await page.inputValue(`[data-testid="vote-${winner}"]`)).toBe('7');
    await page.click('[data-testid="presenter-forward"]');
    await page.waitForSelector('[data-testid="next"]');
    await page.click('[data-testid="next"]');

    // Turn 2: a tie between details.1 and details.2; the tutor plays details.1. Later turns: each
    // node's first reply in file order (remedy.1, thanks.1) wins.
    const positions = [2];
    const later: string[] = [];
    let turn = 2;
    for (;;) {
      const step = await page.waitForSelector('[data-testid="show-replies"], [data-testid="finish"]');
      if ((await step.getAttribute('data-testid')) === 'finish') break;
      await step.click();
      await page.waitForSelector('[data-testid="vote-A"]');
      const ids = await shownIds(page);
      const node = ids[0]?.split('.')[0] ?? '';
      if (turn === 2) {
        expect(node).toBe('details');
        await vote(page, { 'details.1': 4, 'details.2': 4 });
        const letter = await letterOf(page, 'details.1');
        await page.waitForSelector(`[data-testid="play-${letter}"]`);
        expect(await page.textContent('[data-testid="tally"]')).toContain('Tie');
        await page.click(`[data-testid="play-${letter}"]`);
      } else {
        const first = `${node}.1`;
        later.push(votesLine(ids, { [first]: 2 }));
        const add = `[data-testid="add-${await letterOf(page, first)}"]`;
        await page.click(add);
        await page.click(add);
        await page.waitForSelector('[data-testid="play"]:not([disabled])');
        if (turn === 3) {
          // Keyboard: Enter in a vote box (any of them) plays the class's choice.
          await page.focus(`[data-testid="vote-${ids.length > 1 ? 'B' : 'A'}"]`);
          await page.keyboard.press('Enter');
        } else await page.click('[data-testid="play"]');
      }
      positions.push(1);
      turn++;
      await page.click('[data-testid="next"]');
    }
    await page.click('[data-testid="finish"]');
    await page.waitForSelector('[data-testid="class-path"]');
    const votes = await page.locator('[data-testid="debrief-votes"]').allTextContents();
    expect(votes[0]).toBe(votesLine(firstOrder, firstHands));
    expect((votes[1] ?? '').split(' · ').filter((part) => part.endsWith(' 4'))).toHaveLength(2);
    expect(votes.slice(2)).toEqual(later);
    expect(await page.locator('[data-testid="class-path"] tbody tr').count()).toBe(positions.length);
    expect(await page.textContent('[data-testid="class-path"] tbody tr:nth-child(2)')).toContain(
      'tutor’s choice',
    );
    // The score is the session's and scoring's: the same as `sim play` for the class's positions.
    const expected = await simPlay(positions);
    expect(await page.textContent('[data-testid="presenter-result"]')).toContain(
      `${expected.score.percent}% · ${expected.score.band}`,
    );
    await screenshot(page, 'tutor-presenter-debrief');
    expect(errors).toEqual([]);
  });

  it('says on the class debrief why the band is below what the percent gives (LASS 1,1,1,1,1)', async () => {
    const { page, errors } = await openPage(
      browser,
      `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=presenter&seed=7`,
    );
    for (const id of ['opening.1', 'receipt.1', 'details.1', 'remedy.1', 'thanks.1']) {
      await page.click('[data-testid="show-replies"]');
      await page.waitForSelector(`.presenter-reply[data-choice-id="${id}"]`);
      await vote(page, { [id]: 5 });
      await page.click('[data-testid="play"]:not([disabled])');
      await page.click('[data-testid="next"]');
    }
    await page.click('[data-testid="finish"]');
    await page.waitForSelector('[data-testid="class-path"]');
    expect(await page.textContent('[data-testid="presenter-result"]')).toContain('87.5% · Merit');
    expect(await page.textContent('[data-testid="band-headline"]')).toBe(
      '87.5%, but Merit: ‘Have you got the receipt?’ put procedure before the customer.',
    );
    await screenshot(page, 'tutor-presenter-debrief-reasons');
    expect(errors).toEqual([]);
  });

  it('shows the presenter replies in another order for another presentation, and the same for the same ?seed=', async () => {
    const orderFor = async (query: string): Promise<string[]> => {
      const { page, errors } = await openPage(
        browser,
        `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=presenter${query}`,
      );
      await page.click('[data-testid="show-replies"]');
      await page.waitForSelector('[data-testid="vote-A"]');
      const ids = await shownIds(page);
      expect(errors).toEqual([]);
      await page.context().close();
      return ids;
    };
    expect(await orderFor('&seed=7')).toEqual(await orderFor('&seed=7'));
    const orders = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) orders.add((await orderFor(`&seed=${seed}`)).join(','));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is offered on the menu through Tutor tools', async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'));
    await page.click('[data-testid="tutor-tools"]');
    await page.waitForSelector('[data-testid="present"]');
    expect(await page.getAttribute('[data-testid="presenter-link"]', 'href')).toContain('mode=presenter');
    await screenshot(page, 'tutor-hub');
    await page.click('[data-testid="present"]');
    await page.waitForSelector('[data-testid="show-replies"]');
    expect(page.url()).toContain('mode=presenter');
    expect(errors).toEqual([]);
  });
});

describe('scenario map', () => {
  it('lays out every node, colours endings, highlights the run so far, and plays from a chosen node', async () => {
    const { page, errors } = await openPage(
      browser,
      `${inject('appUrl')}?scenario=faulty-kettle&model=LASS&mode=practice`,
    );
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await replyByKeyFor(page, 'details.1');
    await page.click('[data-testid="roleplay-map"]');
    await page.waitForSelector('[data-testid="map-dialog"] .map-node');
    const map = page.locator('[data-testid="map-dialog"]');
    expect(await map.locator('.map-node').count()).toBe(9);
    expect(await map.locator('.map-node.outcome-resolved').count()).toBeGreaterThan(0);
    expect(await map.locator('path.map-edge').count()).toBe(await map.locator('.map-label').count());
    // Every node has its own place on the map.
    const boxes = await map
      .locator('.map-node')
      .evaluateAll((els) =>
        els.map((el) => `${(el as HTMLElement).style.left},${(el as HTMLElement).style.top}`),
      );
    expect(new Set(boxes).size).toBe(boxes.length);
    expect(
      await map
        .locator('[data-on-path="true"].map-node')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-node'))),
    ).toEqual(['opening', 'details', 'remedy']);
    expect(
      await map
        .locator('path.map-edge[data-on-path="true"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-choice'))),
    ).toEqual(['opening.2', 'details.1']);
    expect(await map.locator('[data-current="true"]').getAttribute('data-node')).toBe('remedy');
    expect(await map.locator('.map-label[data-choice="opening.2"] text').textContent()).toMatch(
      /^2: [\d.]+–100%$/,
    );
    expect(await page.textContent('[data-testid="author-report"]')).toContain('Unreachable nodes');
    await screenshot(page, 'tutor-map');

    // Play from here: the role-play restarts and replays the shortest route through its session.
    await map.locator('button.map-node[data-node="thanks"]').click();
    await page.waitForSelector('[data-testid="jump-notice"]');
    expect(await page.textContent('[data-testid="jump-notice"]')).toContain('thanks');
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length >= 3);
    await waitForTurn(page);
    await screenshot(page, 'tutor-play-from-here');
    expect(errors).toEqual([]);
  });
});

describe('authoring in the browser', () => {
  it('shows an error at its line as the tutor types, and plays the scenario once it is fixed', async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'));
    await page.click('[data-testid="tutor-tools"]');
    await page.click('[data-testid="open-editor"]');
    await page.waitForSelector('.cm-content');
    const lines = KETTLE.replace('id: faulty-kettle', 'id: my-kettle')
      .replace('title: The kettle that gave up', 'title: My kettle draft')
      .split('\n');
    // The first reply's feedback, found by content (not a fixed line: the kettle file changes).
    const index = lines.findIndex((line) => line.trimStart().startsWith('feedback:'));
    expect(index).toBeGreaterThan(0);
    const lineNumber = String(index + 1);
    const broken = [...lines];
    broken[index] = (broken[index] ?? '').replace('feedback:', 'feeback:');
    await page.click('.cm-content');
    expect(await page.locator('.authoring-problem').count()).toBe(0);
    await page.keyboard.insertText(broken.join('\n'));
    await page.waitForSelector('.authoring-problem.error');
    const problem = page.locator('.authoring-problem.error').first();
    expect(await problem.getAttribute('data-line')).toBe(lineNumber);
    expect(await problem.textContent()).toContain("did you mean 'feedback'");
    expect(await page.isDisabled('[data-testid="authoring-play"]')).toBe(true);
    // Clicking the problem scrolls the editor to it: the offending line is highlighted, the cursor on it.
    await problem.click();
    const highlighted = page.locator(`.cm-problem-error[data-line="${lineNumber}"]`);
    await highlighted.waitFor();
    expect(await highlighted.textContent()).toContain('feeback:');
    expect(await page.textContent('.cm-activeLineGutter')).toBe(lineNumber);
    await screenshot(page, 'tutor-authoring-error');

    // Fixing the word clears the problem.
    const fixed = lines.join('\n');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(fixed);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="authoring-status"]')?.getAttribute('data-errors') === '0' &&
        !document.querySelector('[data-testid="authoring-play"]')?.hasAttribute('disabled'),
    );
    expect(await page.locator('.cm-problem-error').count()).toBe(0);
    await page.click('[data-testid="authoring-play"]');
    await waitForTurn(page);
    expect(page.url()).toContain('scenario=my-kettle');
    await replyByKeyFor(page, 'opening.2');
    expect(errors).toEqual([]);
  });

  it('opens a file from disk with the file picker and maps a 40-node scenario', async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'), { width: 1600, height: 900 });
    await page.click('[data-testid="tutor-tools"]');
    await page.click('[data-testid="open-editor"]');
    await page.waitForSelector('.cm-content');
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'long-call.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(longScenario(40)),
    });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="authoring-status"]')?.getAttribute('data-errors') === '0' &&
        !document.querySelector('[data-testid="authoring-map"]')?.hasAttribute('disabled'),
    );
    await page.click('[data-testid="authoring-map"]');
    await page.waitForSelector('[data-testid="map-dialog"] .map-node');
    expect(await page.locator('.map-node').count()).toBe(40);
    await screenshot(page, 'tutor-map-40-nodes');
    await page.click('[data-testid="map-dialog"] button:has-text("+")');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-zoom')) > 0.3,
    );
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="map-dialog"]', { state: 'detached' });

    // A file dropped onto the editor replaces the text, and is checked like any other.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.yaml', { type: 'text/yaml' }));
      const target = document.querySelector('.authoring-editor-wrap');
      target?.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
      target?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, 'id: dropped\ntitle: Dropped\n');
    await page.waitForFunction(
      () => document.querySelector('.cm-content')?.textContent?.startsWith('id: dropped') === true,
    );
    await page.waitForSelector('.authoring-problem.error');
    expect(errors).toEqual([]);
  });
});

/** A valid scenario of `n` nodes: a spine of customer turns with a side branch and an ending every few turns. */
function longScenario(n: number): string {
  const out = [
    'id: long-call',
    'title: The very long call',
    'summary: A generated scenario for the map test.',
    'channel: phone',
    'customer:',
    '  name: Mr Okafor',
    '  mood: 40',
    'start: t0',
    'nodes:',
  ];
  const outcomes = ['resolved', 'escalated', 'unresolved', 'lost'];
  let made = 0;
  let turn = 0;
  while (made < n) {
    const id = `t${turn}`;
    const remaining = n - made;
    if (remaining <= 2) {
      out.push(`  ${id}:`, '    customer: Thank you, that is everything.', '    end: resolved');
      made++;
      if (remaining === 2) {
        out.push(`  e${turn}:`, '    customer: Goodbye.', `    end: ${outcomes[turn % 4]}`);
        made++;
      }
      break;
    }
    out.push(
      `  ${id}:`,
      `    customer: This is turn ${turn} of the long call.`,
      '    choices:',
      `      - say: I understand, tell me more about step ${turn}.`,
      '        acts: [listen]',
      '        feedback: Good listening.',
      `        to: t${turn + 1}`,
      '      - say: That is not my department.',
      '        acts: [deflect]',
      '        feedback: Passing the buck.',
      `        to: e${turn}`,
      `  e${turn}:`,
      '    customer: I will take this elsewhere.',
      `    end: ${outcomes[turn % 4]}`,
    );
    made += 2;
    turn++;
  }
  return `${out.join('\n')}\n`;
}

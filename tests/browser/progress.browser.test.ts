/** Saved progress in Chromium: resume after a reload, retry from a fork, history, self-assessment, storage faults. */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIRSTS, playAttempt, RUSHED, savedUnderEarlierRules } from '../progress/fixtures.ts';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import {
  continueByKey,
  playByKey,
  readDebrief,
  replyByKeyFor,
  shownChoiceIds,
  waitForTurn,
} from './support/roleplay.ts';
import { simPlay } from './support/simPlay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const link = (model: string, mode: string): string =>
  new URL(`?scenario=faulty-kettle&model=${model}&mode=${mode}`, inject('appUrl')).href;

async function transcriptText(page: Page): Promise<string[]> {
  return page.locator('.history > li').allTextContents();
}

/** Waits until the run (n replies) has been written to IndexedDB. */
async function savedReplies(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      new Promise<boolean>((done) => {
        const open = indexedDB.open('complaint-handling-simulator');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('progress')) return done(false);
          const get = db.transaction('progress').objectStore('progress').get('run');
          get.onsuccess = () => done((get.result?.choices?.length ?? -1) === count);
          get.onerror = () => done(false);
        };
        open.onerror = () => done(false);
      }),
    n,
  );
}

describe('saved progress', () => {
  it('resumes on the same node with the same transcript after a reload mid-run', async () => {
    const { page, errors } = await openPage(browser, link('LASS', 'practice'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.1');
    await replyByKeyFor(page, 'receipt.1');
    await waitForTurn(page);
    await savedReplies(page, 2);
    const before = await transcriptText(page);
    const line = await page.textContent('[data-testid="customer-line"]');
    expect(before.length).toBe(4);

    await page.reload();
    await page.waitForSelector('.progress-dialog button[data-value="resume"]');
    expect(await page.textContent('.progress-dialog')).toContain('2 replies so far');
    await page.click('.progress-dialog button[data-value="resume"]');
    await page.waitForFunction((n) => document.querySelectorAll('.history > li').length === n, before.length);
    await waitForTurn(page);
    expect(await transcriptText(page)).toEqual(before);
    expect(await page.textContent('[data-testid="customer-line"]')).toBe(line);
    await screenshot(page, 'progress-resumed');

    // Finishing the resumed run: details.1, remedy.1, thanks.1, so 1,1,1,1,1 in all (Merit under scoring v2: procedure first).
    await playByKey(page, ['details.1', 'remedy.1', 'thanks.1']);
    await continueByKey(page);
    // Scoring v2: the receipt question first is a fault, so 87.5% is held to Merit.
    expect(await readDebrief(page)).toMatchObject({ percent: '87.5%', band: 'Merit' });
    expect((await readDebrief(page)).band).toBe((await simPlay([1, 1, 1, 1, 1])).score.band);
    expect(errors).toEqual([]);
  });

  it('offers "start again" instead, and then starts from the first line', async () => {
    const { page, errors } = await openPage(browser, link('HEAT', 'practice'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await savedReplies(page, 1);
    await page.reload();
    await page.click('.progress-dialog button[data-value="restart"]');
    await waitForTurn(page);
    expect(await page.locator('.history > li').count()).toBe(0);
    await savedReplies(page, 0);
    expect(errors).toEqual([]);
  });

  it('tries again from a fork of the debrief transcript, keeping both attempts in the history', async () => {
    const { page, errors } = await openPage(browser, link('HEAT', 'practice'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    // opening.1, receipt.1, details.2, thanks.2: under HEAT, details.1 was the better reply.
    const firstRun = choiceIds([1, 1, 2, 2]);
    await playByKey(page, firstRun.slice(0, 2));
    const atFork = await shownChoiceIds(page);
    await playByKey(page, firstRun.slice(2));
    await continueByKey(page);
    const first = await readDebrief(page);
    // The transcript is folded under the coaching card.
    await page.locator('[data-testid="fold-transcript"] summary').click();
    await page.waitForSelector('[data-testid="fork-review"]');
    const third = page.locator('.transcript li.turn.you').nth(2);
    expect(await third.locator('.best-reply').textContent()).toContain(
      'So it powers on but won’t heat'.replace('’', "'"),
    );
    await third.scrollIntoViewIfNeeded();
    await screenshot(page, 'progress-debrief-forks');

    await third.locator('button.try-again').click();
    await page.waitForFunction(() => document.querySelectorAll('.history > li').length === 4);
    await waitForTurn(page);
    // The retry keeps the attempt's seed: the fork shows its replies in the order they had.
    expect(await shownChoiceIds(page)).toEqual(atFork);
    await replyByKeyFor(page, 'details.1');
    await replyByKeyFor(page, 'remedy.1');
    await replyByKeyFor(page, 'thanks.1');
    await continueByKey(page);
    // Both attempts score what `sim play` does for them (scores move with the scoring contract), and the retry is better.
    const [firstExpected, retryExpected] = await Promise.all([
      simPlay([1, 1, 2, 2], { model: 'HEAT' }),
      simPlay([1, 1, 1, 1, 1], { model: 'HEAT' }),
    ]);
    const retry = await readDebrief(page);
    expect(first.percent).toBe(`${firstExpected.score.percent}%`);
    expect(first.band).toBe(firstExpected.score.band);
    expect(retry.percent).toBe(`${retryExpected.score.percent}%`);
    expect(retry.band).toBe(retryExpected.score.band);
    expect(retryExpected.score.percent).toBeGreaterThan(firstExpected.score.percent);
    expect(await page.textContent('.debrief')).toContain('retry from reply 3');

    await page.click('[data-testid="open-history"]');
    await page.waitForSelector('[data-testid="history"] .history-pair[data-model="HEAT"]');
    expect(await page.locator('.history-pair[data-model="HEAT"] tbody tr').count()).toBe(2);
    expect(await page.textContent('.history-pair[data-model="HEAT"]')).toContain(
      `Best: ${retryExpected.score.percent}%`,
    );
    await screenshot(page, 'progress-history');
    expect(errors).toEqual([]);
  });

  it('asks for a self-assessment before the Assessment debrief, then compares it with the marks', async () => {
    const { page, errors } = await openPage(browser, link('LASS', 'assessment'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    expect(await page.locator('[data-testid="hint"]').count()).toBe(0);
    await playByKey(page, choiceIds([1, 1, 2, 2]));
    await continueByKey(page);
    await page.waitForSelector('[data-testid="self-assessment"]');
    await screenshot(page, 'progress-self-assessment');
    for (const step of ['listen', 'apologise', 'solve', 'thank']) {
      await page.locator(`input[name="step-${step}"][value="fully"]`).check();
    }
    await page.locator('input[name="band"][value="Distinction"]').check();
    await page.click('[data-testid="self-assessment"] button[type="submit"]');
    await page.waitForSelector('[data-testid="self-comparison"]');
    const text = await page.textContent('[data-testid="self-comparison"]');
    expect(text).toContain('You predicted Distinction; you achieved Pass.');
    expect(text).toContain('matched the marks on 3 of 4 steps');

    await page.fill('[data-testid="reflection-wentWell"]', 'I apologised straight away.');
    await page.fill('[data-testid="reflection-evenBetterIf"]', 'I thanked the customer at the end.');
    await page.click('[data-testid="save-reflection"]');
    await page.waitForSelector('.reflection [role="status"]:has-text("Reflection saved.")');
    expect(errors).toEqual([]);
  });

  it('exports the history as JSON, erases everything, and imports it back', async () => {
    const { page, errors } = await openPage(browser, link('LASS', 'practice'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await playByKey(page, choiceIds([2, 1, 1, 1]));
    await continueByKey(page);
    await page.click('[data-testid="open-history"]');
    await page.waitForSelector('.history-pair[data-model="LASS"] tbody tr');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export"]'),
    ]);
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported).toMatchObject({ app: 'complaint-handling-simulator', schemaVersion: 3 });
    expect(exported.attempts).toHaveLength(1);
    expect(exported.attempts[0]).toMatchObject({
      scenarioId: 'faulty-kettle',
      band: 'Distinction',
      percent: 100,
    });

    await page.click('[data-testid="erase"]');
    await page.click('.progress-dialog button[data-value="erase"]');
    await page.waitForSelector('[data-testid="history"] .empty');
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="data-status"]:has-text("Imported 1 new attempt.")');
    expect(await page.locator('.history-pair[data-model="LASS"] tbody tr').count()).toBe(1);
    // A second import of the same file adds nothing.
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="data-status"]:has-text("Imported 0 new attempts.")');
    expect(errors).toEqual([]);
  });

  it('records hints in Practice', async () => {
    const { page, errors } = await openPage(browser, link('LASS', 'practice'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await page.click('[data-testid="hint"]');
    expect(await page.textContent('.hint-text')).toBe('Hint: Have you let the customer explain?');
    await page.click('[data-testid="hint"]');
    expect(await page.textContent('.hint-text')).toContain('Stronger hint: Ask an open question');
    await page.waitForFunction(
      () =>
        new Promise<boolean>((done) => {
          const open = indexedDB.open('complaint-handling-simulator');
          open.onsuccess = () => {
            const get = open.result.transaction('progress').objectStore('progress').get('run');
            get.onsuccess = () => done(get.result?.hints?.length === 2);
          };
        }),
    );
    expect(errors).toEqual([]);
  });

  it('does not replay a saved run into a scenario that has changed since, and says why', async () => {
    const { page, errors } = await openPage(browser, link('LASS', 'practice'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await savedReplies(page, 1);
    // As if the tutor had edited the scenario after the run was saved.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const open = indexedDB.open('complaint-handling-simulator');
          open.onsuccess = () => {
            const store = open.result.transaction('progress', 'readwrite').objectStore('progress');
            const get = store.get('run');
            get.onsuccess = () => {
              store.put({ ...get.result, fingerprint: 'fnv1a32:00000000' }, 'run');
              store.transaction.oncomplete = () => done();
            };
          };
        }),
    );
    await page.reload();
    await page.waitForSelector('.progress-dialog');
    expect(await page.textContent('.progress-dialog')).toContain('has been changed since you started it');
    await page.click('.progress-dialog button[data-value="ok"]');
    await waitForTurn(page);
    expect(await page.locator('.history > li').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps working, and says so, when the browser refuses storage', async () => {
    const context = await browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(link('LASS', 'practice'));
    await waitForTurn(page);
    await page.waitForSelector('[data-testid="storage-notices"] [data-code="unavailable"]');
    expect(await page.textContent('[data-testid="storage-notices"]')).toContain('private browsing');
    await playByKey(page, choiceIds([2, 1, 1, 1]));
    await continueByKey(page);
    await page.click('[data-testid="open-history"]');
    expect(await page.textContent('[data-testid="history"]')).toContain('not being saved in this browser');
    expect(await page.locator('.history-pair tbody tr').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells the learner when storage is full and keeps the run in memory', async () => {
    const { page, errors } = await openPage(browser, link('LASS', 'practice'), { reducedMotion: 'reduce' });
    await waitForTurn(page);
    await replyByKeyFor(page, 'opening.2');
    await savedReplies(page, 1);
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
    });
    await replyByKeyFor(page, 'details.1');
    await page.waitForSelector('[data-testid="storage-notices"] [data-code="quota"]');
    expect(await page.textContent('[data-testid="storage-notices"]')).toContain(
      'storage for this site is full',
    );
    // The reply before the failure is still saved; the new one waits in memory.
    await savedReplies(page, 1);
    await waitForTurn(page);
    expect(await page.locator('.history > li').count()).toBe(4);
    expect(errors).toEqual([]);
  });

  it('rescores an earlier-rules attempt that still replays, and labels one whose scenario has changed', async () => {
    // Schema 2 records as the game saved them before scoring v2: 1,1,1,1,1 was a Distinction then.
    const replays = savedUnderEarlierRules(playAttempt('replays', FIRSTS, { day: 1 }), {
      band: 'Distinction',
      percent: 100,
    });
    const changed = {
      ...savedUnderEarlierRules(playAttempt('changed', RUSHED, { day: 2 }), { band: 'Merit', percent: 75 }),
      fingerprint: 'fnv1a32:00000000',
    };
    const { page, errors } = await openPage(browser, inject('appUrl'));
    await page.waitForSelector('.card');
    await page.evaluate(
      (attempts) =>
        new Promise<void>((done) => {
          const open = indexedDB.open('complaint-handling-simulator');
          open.onsuccess = () => {
            const tx = open.result.transaction('progress', 'readwrite');
            const store = tx.objectStore('progress');
            store.put({ schemaVersion: 2 }, 'meta');
            for (const attempt of attempts) store.put(attempt, `attempt:${attempt.id}`);
            tx.oncomplete = () => done();
          };
        }),
      [replays, changed] as { id: string }[],
    );
    await page.reload();
    await page.waitForSelector('.card');
    await page.click('[data-testid="open-history"]');

    const rescored = page.locator('tr[data-attempt="replays"]');
    await rescored.waitFor();
    expect(await rescored.getAttribute('data-scoring')).toBe('rescored');
    const rescoredText = await rescored.textContent();
    expect(rescoredText).toContain('Merit');
    expect(rescoredText).toContain('87.5%');
    expect(await rescored.locator('[data-testid="scoring-note"]').textContent()).toBe(
      'Rescored under the current rules; first shown as Distinction, 100%',
    );

    const kept = page.locator('tr[data-attempt="changed"]');
    expect(await kept.getAttribute('data-scoring')).toBe('earlier');
    expect(await kept.textContent()).toContain('75%');
    expect(await kept.locator('[data-testid="scoring-note"]').textContent()).toBe(
      'Scored under the earlier rules',
    );
    expect(await page.textContent('.history-pair figcaption')).toContain(
      'Hollow points: scored under the earlier rules.',
    );
    await rescored.scrollIntoViewIfNeeded();
    await screenshot(page, 'progress-rescored');

    // The rescored attempt was written back, keeping what it first showed.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((done) => {
          const open = indexedDB.open('complaint-handling-simulator');
          open.onsuccess = () => {
            const get = open.result.transaction('progress').objectStore('progress').get('attempt:replays');
            get.onsuccess = () =>
              done(get.result?.scoring === 2 && get.result?.earlier?.band === 'Distinction');
          };
        }),
    );

    await kept.locator('[data-testid="row-evidence"]').click();
    expect(await page.textContent('[data-testid="evidence-scoring"]')).toContain(
      'Scored under the earlier rules',
    );
    await screenshot(page, 'evidence-earlier-rules');
    expect(errors).toEqual([]);
  });

  it('starts and says so plainly when a saved record is damaged, keeping the rest', async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'));
    await page.waitForSelector('.card');
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const open = indexedDB.open('complaint-handling-simulator');
          open.onsuccess = () => {
            const tx = open.result.transaction('progress', 'readwrite');
            tx.objectStore('progress').put({ id: 'broken', percent: 'lots' }, 'attempt:broken');
            tx.oncomplete = () => done();
          };
        }),
    );
    await page.reload();
    await page.waitForSelector('.card');
    await page.waitForSelector('[data-testid="storage-notices"] [data-code="salvaged"]');
    expect(await page.textContent('[data-testid="storage-notices"]')).toContain('set aside (not deleted)');
    expect(errors).toEqual([]);
  });
});

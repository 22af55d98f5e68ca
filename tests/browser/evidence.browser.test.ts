/** The evidence record: printed to an A4 PDF by Chromium, read back with poppler's pdftotext and pdftoppm. */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, SCREENSHOTS, screenshot } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { continueByKey, playByKey, readDebrief, waitForTurn } from './support/roleplay.ts';

const run = promisify(execFile);
const OUT = resolve(SCREENSHOTS, '..', 'evidence');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the evidence record', () => {
  it('prints to an A4 PDF with the band, every step, the marking points and the reflection', async () => {
    const url = new URL('?scenario=faulty-kettle&model=LASS&mode=practice', inject('appUrl'));
    const { page, errors } = await openPage(browser, url.href, { reducedMotion: 'reduce' });
    await waitForTurn(page);
    // opening.1, receipt.1, details.2, thanks.2: Pass, "Say thank you" never done.
    await playByKey(page, choiceIds([1, 1, 2, 2]));
    await continueByKey(page);
    const debrief = await readDebrief(page);
    await page.fill('[data-testid="reflection-wentWell"]', 'I apologised and let Mrs Patel explain.');
    await page.fill('[data-testid="reflection-evenBetterIf"]', 'I thanked her instead of rushing her away.');
    await page.fill('[data-testid="reflection-plan"]', 'Close every call with a thank you.');
    await page.click('[data-testid="save-reflection"]');
    await page.waitForSelector('.reflection [role="status"]:has-text("Reflection saved.")');

    await page.click('[data-testid="open-evidence"]');
    await page.waitForSelector('[data-testid="evidence"]');
    await page.fill('#learner-name-input', 'Alex Morgan');
    await page.press('#learner-name-input', 'Tab');
    expect(await page.textContent('[data-testid="learner-name"]')).toBe('Alex Morgan');
    expect(await page.textContent('[data-testid="evidence-band"]')).toBe(debrief.band);
    await screenshot(page, 'evidence-screen');

    await page.emulateMedia({ media: 'print' });
    const pdf = resolve(OUT, 'evidence.pdf');
    await page.pdf({ path: pdf, format: 'A4', tagged: true, printBackground: true });
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('Role-play evidence record');
    expect(text).toContain('Alex Morgan');
    expect(text).toContain(debrief.band);
    expect(text).toContain(debrief.percent);
    for (const step of ['Listen', 'Apologise', 'Solve', 'Say thank you']) expect(text).toContain(step);
    expect(text).toContain('Stayed courteous throughout');
    expect(text).toContain('Stronger reply here');
    expect(text).toContain('I thanked her instead of rushing her away.');
    // Nothing of the app behind the record is printed.
    expect(text).not.toContain('Back to menu');
    const { stdout: info } = await run('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, resolve(OUT, 'evidence-page')]);
    expect(errors).toEqual([]);
  });
});

/** Steps a learner takes in the role-play, written once for the tests. Every wait is for a condition. */
import type { Page } from 'playwright-core';

export const REPLY = 'button.reply:not([aria-disabled])';

/** Waits until the customer has finished (or is still) typing and the replies or Continue are on screen. */
export async function waitForTurn(page: Page): Promise<void> {
  await page.waitForSelector(`${REPLY}, button.continue`);
}

/** Keyboard: skip the typing with Enter if it is still running, then press the reply's number. */
export async function replyByKey(page: Page, position: number): Promise<void> {
  if (await page.locator('.bubble[data-typing="true"]').count()) await page.keyboard.press('Enter');
  await page.waitForSelector(REPLY);
  const before = await page.locator('#history-heading ~ .history > li').count();
  await page.keyboard.press(String(position));
  await waitForHistory(page, before);
}

/** Mouse: click the customer's line to skip the typing, then click the reply. */
export async function replyByMouse(page: Page, position: number): Promise<void> {
  const typing = page.locator('.bubble[data-typing="true"]');
  if (await typing.count()) await typing.click().catch(() => undefined);
  await page.waitForSelector(REPLY);
  const before = await page.locator('.history > li').count();
  await page
    .locator(REPLY)
    .nth(position - 1)
    .click();
  await waitForHistory(page, before);
}

async function waitForHistory(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
}

/** Skips the ending's typing (Enter) and continues to the debrief (Enter). */
export async function continueByKey(page: Page, mode: 'practice' | 'assessment' = 'practice'): Promise<void> {
  if (await page.locator('.bubble[data-typing="true"]').count()) await page.keyboard.press('Enter');
  await page.waitForSelector('button.continue');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="percent"]');
  if (mode === 'assessment') await answerSelfAssessmentByKey(page);
}

/**
 * Assessment asks for a self-assessment before showing the result (src/game/history):
 * rate every step "Fully" and predict Distinction, with the keyboard only.
 */
export async function answerSelfAssessmentByKey(page: Page): Promise<void> {
  const form = page.locator('dialog[open] [data-testid="self-assessment"]');
  await form.waitFor();
  const steps = await form.locator('fieldset').count();
  for (let i = 0; i < steps - 1; i++) {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="self-assessment"]', { state: 'detached' });
}

/** What the debrief says: percent, band and each step's marks. */
export async function readDebrief(
  page: Page,
): Promise<{ percent: string; band: string; steps: Record<string, string> }> {
  await page.waitForSelector('[data-testid="percent"]');
  const percent = (await page.textContent('[data-testid="percent"]')) ?? '';
  const band = (await page.textContent('[data-testid="band"]')) ?? '';
  const steps = Object.fromEntries(
    await page
      .locator('.steps-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.getAttribute('data-step') ?? '',
          row.querySelector('td.num')?.textContent ?? '',
        ]),
      ),
  ) as Record<string, string>;
  return { percent, band, steps };
}

/** Steps a learner takes in the role-play, written once for the tests. Every wait is for a condition. */
import type { Page } from 'playwright-core';

export const REPLY = 'button.reply:not([aria-disabled])';

/** Waits until the customer has finished (or is still) typing and the replies or Continue are on screen. */
export async function waitForTurn(page: Page): Promise<void> {
  await page.waitForSelector(`${REPLY}, button.continue`);
}

/**
 * Waits until the customer's line is on screen in full. Replies come up while
 * the line is still typing (a learner never waits), so a test that reads the
 * line must wait for this condition, not for the replies.
 */
export async function waitForLineTyped(page: Page): Promise<void> {
  await page.waitForSelector('.bubble[data-typing="false"]');
}

/** The reply button with this choice id (`data-choice-id`, there for tests only). */
export function replyButton(id: string): string {
  return `${REPLY}[data-choice-id="${id.replace(/["\\]/g, '\\$&')}"]`;
}

/** The choice ids of the replies on screen, in screen order (once they are up). */
export async function shownChoiceIds(page: Page): Promise<string[]> {
  await page.waitForSelector(REPLY);
  return page
    .locator(REPLY)
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-choice-id') ?? ''));
}

/** The texts of the replies on screen, in screen order. */
export async function shownReplyTexts(page: Page): Promise<string[]> {
  await page.waitForSelector(REPLY);
  return page.locator(`${REPLY} .reply-text`).allTextContents();
}

/** The number on screen (1-based) of the reply with this id: what its key is. */
export async function screenNumber(page: Page, id: string): Promise<number> {
  await page.waitForSelector(replyButton(id));
  const ids = await shownChoiceIds(page);
  const index = ids.indexOf(id);
  if (index < 0) throw new Error(`reply ${id} is not on screen: ${ids.join(', ')}`);
  return index + 1;
}

/** Skips the typing with Enter if it is still running. */
async function skipTypingByKey(page: Page): Promise<void> {
  if (await page.locator('.bubble[data-typing="true"]').count()) await page.keyboard.press('Enter');
}

/**
 * Keyboard: skip the typing with Enter if it is still running, then press the
 * number the reply with choice id `id` has on screen (the order is shuffled).
 */
export async function replyByKeyFor(page: Page, id: string): Promise<void> {
  await skipTypingByKey(page);
  const number = await screenNumber(page, id);
  const before = await page.locator('#history-heading ~ .history > li').count();
  await page.keyboard.press(String(number));
  await waitForHistory(page, before);
}

/** Keyboard: plays these choice ids in turn (see `choiceIds` for a `--choices` list). */
export async function playByKey(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) await replyByKeyFor(page, id);
}

/** Keyboard: presses the number of the reply on screen whose text is `text`. */
export async function replyByKeyWithText(page: Page, text: string): Promise<void> {
  await skipTypingByKey(page);
  await page.waitForSelector(REPLY);
  const texts = await shownReplyTexts(page);
  const index = texts.indexOf(text);
  if (index < 0) throw new Error(`no reply “${text}” on screen: ${texts.join(' | ')}`);
  const before = await page.locator('#history-heading ~ .history > li').count();
  await page.keyboard.press(String(index + 1));
  await waitForHistory(page, before);
}

/** Mouse: click the customer's line to skip the typing, then click the reply with choice id `id`. */
export async function replyByMouseFor(page: Page, id: string): Promise<void> {
  const typing = page.locator('.bubble[data-typing="true"]');
  if (await typing.count()) await typing.click().catch(() => undefined);
  await page.waitForSelector(replyButton(id));
  const before = await page.locator('.history > li').count();
  await page.locator(replyButton(id)).click();
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

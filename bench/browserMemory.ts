/**
 * Memory across the whole library in ONE page (one JS heap): from the menu,
 * start each scenario in turn by its card's button, play it to an ending by
 * keyboard (Enter skips the typing, the digit 1 chooses the first reply),
 * continue to the debrief, go back to the menu; there, force a garbage
 * collection and read the JS heap, DOM nodes and JS event listeners.
 *
 * The library is played twice. The first pass pays one-off costs that are
 * not leaks (code compiled on first use, each scenario's machine compiled
 * once and cached by the engine, the progress store's first records); the
 * second pass is the one judged: a linear fit of the heap after each
 * scenario must rise by less than HEAP_SLOPE_GOAL per scenario, and the DOM
 * node and listener counts by less than one per scenario.
 */
import type { Browser, Page } from 'playwright-core';
import { freshPage, memoryNow, REPLY, r1, r3, waitFor } from './browserPage.ts';

export const HEAP_SLOPE_GOAL_KB = 100;
/** A run that has not ended after this many replies is looping: the bench chooses other replies. */
const MAX_REPLIES = 40;

export interface MemoryPoint {
  readonly pass: number;
  readonly scenario: string;
  readonly replies: number;
  readonly heapMB: number;
  readonly nodes: number;
  readonly listeners: number;
}

/** Least-squares slope of y over x = 0, 1, 2, ... */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return Number.NaN;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** Plays the role-play on screen to its ending and continues to the debrief; returns the replies chosen. */
async function playToDebrief(page: Page): Promise<number> {
  let replies = 0;
  for (;;) {
    // Replies are offered while the line is still typing (issue 18), so no Enter to skip it: with a
    // reply focused, Enter would choose it.
    await waitFor(page, `${REPLY}, button.continue`).catch(async (error: unknown) => {
      const text = await page
        .locator('#panel')
        .textContent()
        .catch(() => '(no panel)');
      throw new Error(
        `no reply or Continue on screen after ${replies} replies; the panel reads: ${(text ?? '').slice(0, 400)}`,
        {
          cause: error,
        },
      );
    });
    if (await page.locator('button.continue').count()) break;
    const offered = await page.locator(REPLY).count();
    // Reply 1 normally; past the cap, the last one (a loop back through reply 1 cannot trap the run).
    const position = replies < MAX_REPLIES ? 1 : offered;
    const before = await page.locator('.history > li').count();
    await page.keyboard.press(String(position));
    replies++;
    await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
    if (replies > MAX_REPLIES * 2) throw new Error('a run did not end');
  }
  await page.locator('button.continue').click();
  await waitFor(page, '[data-testid="percent"]');
  return replies;
}

export interface MemoryReport {
  readonly scenarios: readonly string[];
  readonly passes: number;
  readonly points: readonly MemoryPoint[];
  readonly start: { heapMB: number; nodes: number; listeners: number };
  readonly judgedPass: number;
  readonly heapSlopeKBPerScenario: number;
  readonly nodesSlopePerScenario: number;
  readonly listenersSlopePerScenario: number;
  readonly firstPassHeapSlopeKBPerScenario: number;
  readonly heapGrowthKBPerPass: number | null;
  readonly goal: string;
  readonly met: boolean;
  readonly seconds: number;
}

export async function measureMemory(browser: Browser, origin: string, passes: number): Promise<MemoryReport> {
  const started = Date.now();
  const opened = await freshPage(browser, 'no-preference');
  const { page, cdp, context, errors } = opened;
  try {
    await page.goto(`${origin}/index.html`);
    await waitFor(page, '.card');
    const scenarios = await page
      .locator('button[data-scenario]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-scenario') ?? ''));
    if (scenarios.length === 0) throw new Error('the menu lists no scenario');
    const start = await memoryNow(cdp);
    const points: MemoryPoint[] = [];
    for (let pass = 1; pass <= passes; pass++) {
      for (const id of scenarios) {
        await page.locator(`button[data-scenario="${id}"]`).click();
        const replies = await playToDebrief(page);
        // The debrief's "Menu" button in the top bar.
        await page.locator('[data-testid=debrief-menu]').click();
        await waitFor(page, '.card');
        await waitFor(page, '#stage[data-drawn="menu"]', { state: 'attached' });
        const m = await memoryNow(cdp);
        points.push({
          pass,
          scenario: id,
          replies,
          heapMB: r3(m.heapBytes / 1024 / 1024),
          nodes: m.nodes,
          listeners: m.listeners,
        });
        if (errors.length > 0) throw new Error(`memory run, ${id}: ${errors.join('; ')}`);
      }
    }
    const judged = points.filter((p) => p.pass === passes);
    const first = points.filter((p) => p.pass === 1);
    const heapSlopeKB = (list: readonly MemoryPoint[]) => slope(list.map((p) => p.heapMB * 1024));
    const heapSlope = heapSlopeKB(judged);
    const nodesSlope = slope(judged.map((p) => p.nodes));
    const listenersSlope = slope(judged.map((p) => p.listeners));
    const lastOf = (pass: number) => points.filter((p) => p.pass === pass).at(-1);
    const lastPass = lastOf(passes);
    const previousPass = passes > 1 ? lastOf(passes - 1) : undefined;
    return {
      scenarios,
      passes,
      points,
      start: { heapMB: r3(start.heapBytes / 1024 / 1024), nodes: start.nodes, listeners: start.listeners },
      judgedPass: passes,
      heapSlopeKBPerScenario: r1(heapSlope),
      nodesSlopePerScenario: r3(nodesSlope),
      listenersSlopePerScenario: r3(listenersSlope),
      firstPassHeapSlopeKBPerScenario: r1(heapSlopeKB(first)),
      heapGrowthKBPerPass:
        lastPass !== undefined && previousPass !== undefined
          ? r1((lastPass.heapMB - previousPass.heapMB) * 1024)
          : null,
      goal: `pass ${passes} of ${passes}: heap slope < ${HEAP_SLOPE_GOAL_KB} KB per scenario, DOM nodes and listeners < 1 per scenario (least-squares fit, after a forced GC on the menu)`,
      met: heapSlope < HEAP_SLOPE_GOAL_KB && nodesSlope < 1 && listenersSlope < 1,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await context.close();
  }
}

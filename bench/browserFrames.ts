/**
 * Frame times during a role-play with the customer animating: the deep link
 * with motion NOT reduced, so the customer's line is typed out (the figure
 * talks), and a reply is chosen whenever the replies are offered during the
 * window (the mood tween and the next line's typing follow). Frame time is the
 * interval between requestAnimationFrame callbacks, recorded from the moment
 * the role-play's stage is first drawn. The bare Phaser page, in the same
 * renderer, gives the floor the browser and the machine allow.
 */
import type { Browser } from 'playwright-core';
import { DEEP_LINK, frameProbe, freshPage, percentile, REPLY, waitFor } from './browserPage.ts';

export interface FrameSample {
  readonly intervals: readonly number[];
  readonly p50: number;
  readonly p95: number;
  readonly over50: number;
  /** Replies chosen during the window (each brings a mood change and a new typed line). */
  readonly replies: number;
  /** Animation frames in the window where the customer was typing, out of all frames. */
  readonly typingShare: number;
}

export function frameStats(intervals: readonly number[]): Omit<FrameSample, 'replies' | 'typingShare'> {
  return {
    intervals,
    p50: percentile(intervals, 0.5),
    p95: percentile(intervals, 0.95),
    over50: intervals.filter((ms) => ms > 50).length,
  };
}

/** In the page: counts frames while a bubble is being typed, over the window. */
const typingProbe = (windowMs: number): string => `new Promise((done) => {
  let typing = 0;
  let all = 0;
  const start = performance.now();
  const tick = (now) => {
    all++;
    if (document.querySelector('.bubble[data-typing="true"]') !== null) typing++;
    if (now - start < ${windowMs}) requestAnimationFrame(tick);
    else done(all === 0 ? 0 : typing / all);
  };
  requestAnimationFrame(tick);
})`;

/** One sample of the app's role-play: load, wait for the stage, record while playing. */
export async function appFrames(
  browser: Browser,
  origin: string,
  renderer: 'webgl' | 'canvas',
  windowMs: number,
  screenshotPath?: string,
): Promise<FrameSample> {
  const opened = await freshPage(browser, 'no-preference');
  const { page, context, errors } = opened;
  try {
    await page.goto(`${origin}/index.html${DEEP_LINK}&renderer=${renderer}`);
    await waitFor(page, '#stage[data-drawn="roleplay"]', { state: 'attached' });
    const started = Date.now();
    const intervals = page.evaluate(frameProbe(windowMs)) as Promise<number[]>;
    const typing = page.evaluate(typingProbe(windowMs)) as Promise<number>;
    let replies = 0;
    // Play while the window lasts: once the replies are offered, pause briefly (a learner reads), choose.
    while (Date.now() - started < windowMs - 1000) {
      const left = windowMs - 1000 - (Date.now() - started);
      const offered = await waitFor(page, REPLY, { timeout: Math.max(1, left) })
        .then(() => true)
        .catch(() => false);
      if (!offered) break;
      await page.waitForTimeout(300);
      await page.keyboard.press('1');
      replies++;
      await page.waitForFunction((n) => document.querySelectorAll('.history > li').length >= n, replies * 2, {
        timeout: 10_000,
      });
    }
    const measured = frameStats(await intervals);
    const typingShare = await typing;
    // A picture of what was measured: check by eye that the renderer drew the scene.
    if (screenshotPath !== undefined) await page.screenshot({ path: screenshotPath });
    if (errors.length > 0) throw new Error(`role-play frames: ${errors.join('; ')}`);
    return { ...measured, replies, typingShare };
  } finally {
    await context.close();
  }
}

/** One sample of the bare page in the same renderer: load, wait for its first frame, record. */
export async function bareFrames(
  browser: Browser,
  origin: string,
  renderer: 'webgl' | 'canvas',
  windowMs: number,
): Promise<FrameSample> {
  const opened = await freshPage(browser, 'no-preference');
  const { page, context, errors } = opened;
  try {
    await page.goto(`${origin}/index.html?renderer=${renderer}`);
    await page.waitForFunction(() => (window as { __benchReady?: number }).__benchReady !== undefined);
    const measured = frameStats((await page.evaluate(frameProbe(windowMs))) as number[]);
    if (errors.length > 0) throw new Error(`bare page frames: ${errors.join('; ')}`);
    return { ...measured, replies: 0, typingShare: 0 };
  } finally {
    await context.close();
  }
}

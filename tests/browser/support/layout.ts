/** Bounding-box checks for the layout tests: in the viewport, not overlapping, not clipped. Evaluated in the page. */
import type { Page } from 'playwright-core';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The page box of every visible element matching `selector` (display:none and empty boxes left out). */
export async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
  );
}

export async function box(page: Page, selector: string): Promise<Box> {
  const [first] = await boxes(page, selector);
  if (first === undefined) throw new Error(`nothing visible matches ${selector}`);
  return first;
}

/** The customer's face on the canvas, in page pixels (the stage publishes it as #stage[data-face]). */
export async function faceBox(page: Page): Promise<Box> {
  await page.waitForSelector('#stage[data-face]', { state: 'attached' });
  return page.evaluate(() => {
    const stage = document.getElementById('stage');
    const [x = 0, y = 0, w = 0, h = 0] = (stage?.dataset.face ?? '').split(' ').map(Number);
    const r = stage?.getBoundingClientRect() ?? new DOMRect();
    return { left: r.left + x, top: r.top + y, right: r.left + x + w, bottom: r.top + y + h };
  });
}

export async function viewport(page: Page): Promise<Box> {
  return page.evaluate(() => ({ left: 0, top: 0, right: innerWidth, bottom: innerHeight }));
}

export function inside(inner: Box, outer: Box, slack = 0.5): boolean {
  return (
    inner.left >= outer.left - slack &&
    inner.top >= outer.top - slack &&
    inner.right <= outer.right + slack &&
    inner.bottom <= outer.bottom + slack
  );
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether the page itself scrolls (the document taller than the window). */
export async function pageScrolls(page: Page): Promise<boolean> {
  return page.evaluate(() => (document.scrollingElement?.scrollHeight ?? 0) > innerHeight);
}

/** What covers the face, if anything: the cards over the stage. */
export const OVER_STAGE =
  '#hud .bubble, #hud .meter, #hud .stage-note:not([hidden]), #hud .call-timer, #hud .presenter-mood';

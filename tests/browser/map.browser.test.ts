/**
 * The scenario map (issue 18): "Fit to screen" fits the graph in the map's box
 * on both axes, and nodes are labelled with the start of the customer's line
 * (the node id is in the tooltip and the accessible name). Bounding boxes,
 * not presence; every wait is for a condition.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a scenario's map from the tutor tools (the role-play's own Map button moves with its layout). */
async function openMapOn(page: Page, scenario: string): Promise<void> {
  // On a phone the top bar's controls fold into one Menu button: a learner taps it first, once the
  // menu screen is up (the screen's set-up closes the fold, so a tap before it would be undone).
  await page.waitForSelector('[data-testid="tutor-tools"]', { state: 'attached' });
  const fold = page.locator('[data-testid="topbar-menu"]');
  if (await fold.isVisible()) await fold.click();
  await page.click('[data-testid="tutor-tools"]');
  await page.selectOption('[data-testid="tutor-scenario"]', scenario);
  await page.click('[data-testid="open-map"]');
  await page.waitForSelector('[data-testid="map-dialog"] .map-node');
}

/** The graph's box and the map's visible box (inside its borders and scrollbars), in viewport pixels. */
async function graphAndBox(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector<HTMLElement>('[data-testid="map"]');
    const graph = map?.querySelector('.map-canvas');
    if (map == null || graph == null) throw new Error('no map on screen');
    const outer = map.getBoundingClientRect();
    const left = outer.left + map.clientLeft;
    const top = outer.top + map.clientTop;
    const box = { left, top, right: left + map.clientWidth, bottom: top + map.clientHeight };
    const g = graph.getBoundingClientRect();
    return {
      box,
      graph: { left: g.left, top: g.top, right: g.right, bottom: g.bottom },
      scrolls: map.scrollHeight > map.clientHeight + 1 || map.scrollWidth > map.clientWidth + 1,
    };
  });
}

describe('the scenario map', () => {
  for (const [width, height, scenario] of [
    [1280, 720, 'deaf-customer-chat'],
    [1920, 1080, 'phone-wont-charge'],
    [390, 844, 'faulty-kettle'],
  ] as const) {
    it(`fits the whole graph in its box on both axes at ${width}×${height} (${scenario})`, async () => {
      const { page, errors } = await openPage(browser, inject('appUrl'), { width, height });
      await openMapOn(page, scenario);
      const before = await graphAndBox(page);
      // At natural size this graph is taller than the box: the old fit (width only) left it so.
      if (width === 1280) expect(before.graph.bottom).toBeGreaterThan(before.box.bottom);
      await page.click('[data-testid="map-dialog"] button:has-text("Fit to screen")');
      await page.waitForFunction(() => {
        const map = document.querySelector<HTMLElement>('[data-testid="map"]');
        return (
          map !== null && map.scrollHeight <= map.clientHeight + 1 && map.scrollWidth <= map.clientWidth + 1
        );
      });
      const { box, graph, scrolls } = await graphAndBox(page);
      expect(scrolls).toBe(false);
      expect(graph.left).toBeGreaterThanOrEqual(box.left - 0.5);
      expect(graph.top).toBeGreaterThanOrEqual(box.top - 0.5);
      expect(graph.right).toBeLessThanOrEqual(box.right + 0.5);
      expect(graph.bottom).toBeLessThanOrEqual(box.bottom + 0.5);
      // The box itself is on screen.
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(height);
      await screenshot(page, `map-fit-${width}`);
      expect(errors).toEqual([]);
    });
  }

  it("labels nodes with the start of the customer's line, with the node id on hover and in the name", async () => {
    const { page, errors } = await openPage(browser, inject('appUrl'));
    await openMapOn(page, 'faulty-kettle');
    const opening = page.locator('.map-node[data-node="opening"]');
    const label = (await opening.locator('.map-node-line').textContent()) ?? '';
    // The kettle's first line (this file never changes), cut to about 40 characters.
    expect(label.startsWith('I bought this here two weeks ago')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(41);
    // The id is not the visible label, but is on hover and for screen readers.
    expect(await opening.textContent()).not.toContain('opening');
    expect(await opening.getAttribute('title')).toContain('opening');
    expect(await opening.getAttribute('aria-label')).toContain('opening');
    const ending = page.locator('.map-node[data-node="escalated-end"]');
    expect(await ending.textContent()).not.toContain('escalated-end');
    // The label is inside its box, not clipped away.
    const [nodeBox, labelBox] = await Promise.all([
      opening.boundingBox(),
      opening.locator('.map-node-line').boundingBox(),
    ]);
    expect(nodeBox).not.toBeNull();
    expect(labelBox).not.toBeNull();
    if (nodeBox !== null && labelBox !== null) {
      expect(labelBox.height).toBeGreaterThan(0);
      expect(labelBox.y + labelBox.height).toBeLessThanOrEqual(nodeBox.y + nodeBox.height);
    }
    await screenshot(page, 'map-labels');
    expect(errors).toEqual([]);
  });
});

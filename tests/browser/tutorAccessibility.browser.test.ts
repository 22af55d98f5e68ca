/** axe-core's WCAG 2.2 A and AA rules on the tutor tools: hub, presenter (with the marks), map, editor with a problem. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage } from './support/browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

it('has no axe violations on the hub, presenter mode, the map and the editor', async () => {
  const { page, errors } = await openPage(browser, inject('appUrl'));
  await page.click('[data-testid="tutor-tools"]');
  await page.waitForSelector('[data-testid="present"]');
  expect(await axeViolations(page)).toEqual([]);

  await page.click('[data-testid="present"]');
  await page.click('[data-testid="show-replies"]');
  await page.click('[data-testid="show-marks"]');
  await page.waitForSelector('[data-testid="marks"]');
  expect(await axeViolations(page)).toEqual([]);

  await page.click('[data-testid="presenter-map"]');
  await page.waitForSelector('[data-testid="map-dialog"] .map-node');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="map-dialog"]', { state: 'detached' });

  // The role-play's 'Menu' (back to the menu), not a phone's folded top-bar Menu, which is hidden here.
  await page.click('text=Menu >> visible=true');
  await page.click('[data-testid="tutor-tools"]');
  await page.click('[data-testid="open-editor"]');
  await page.waitForSelector('.cm-content');
  await page.click('.cm-content');
  await page.keyboard.insertText('id: draft\ntitle: A draft\nsumary: typo\n');
  await page.waitForSelector('.authoring-problem.error');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

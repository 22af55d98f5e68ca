/** Launching Debian's Chromium through playwright-core, and pages that record every console or page error. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** `extraArgs`: for one test file only (e.g. rehearse's fake microphone); every other test launches as before. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors and uncaught page errors seen so far. */
  readonly errors: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  options: {
    width?: number;
    height?: number;
    reducedMotion?: 'reduce' | 'no-preference';
    /** How long the first load may take (the dev server bundles dependencies on first visit). */
    loadTimeout?: number;
    /** A phone: touch screen, mobile viewport (`pointer: coarse`, `hover: none`). */
    touch?: boolean;
  } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    ...(options.touch === true ? { hasTouch: true, isMobile: true } : {}),
    reducedMotion: options.reducedMotion ?? 'no-preference',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  // Generous: the suite shares small CI machines; a passing wait returns as soon as its condition holds.
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.goto(url, { timeout: options.loadTimeout ?? 60_000 });
  return { page, errors };
}

/**
 * Waits until the scene's canvas stage has been painted (the game marks #stage[data-drawn]) with its
 * setting's art (the role-play fetches it after its first turn: #stage[data-setting="loading"]).
 */
export async function waitForStage(page: Page, scene: 'menu' | 'roleplay' | 'debrief'): Promise<void> {
  await page.waitForSelector(`#stage[data-drawn="${scene}"]:not([data-setting="loading"])`, {
    state: 'attached',
  });
}

/** The canvas fills the stage box exactly (it is refitted whenever the layout changes). */
export async function canvasFitsStage(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('#stage canvas');
    const stage = document.getElementById('stage');
    if (canvas === null || stage === null || stage.clientHeight === 0) return false;
    return Math.abs(canvas.height - stage.clientHeight) <= 1 && Math.abs(canvas.width - stage.clientWidth) <= 1;
  })()`);
}

/** Saves a PNG into test-results/screenshots/ once the canvas is painted. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const screen = await page.getAttribute('#app', 'data-screen');
  if (screen === 'menu' || screen === 'roleplay' || screen === 'debrief') await waitForStage(page, screen);
  // Two more frames: anything laid out after the first paint is painted too.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

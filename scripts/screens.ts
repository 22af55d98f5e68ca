/**
 * Retakes the screenshots in docs/screens/ (`npm run screens`): the learner's screens and presenter
 * mode at a phone (390×844, touch), a laptop (1280×720) and a projector (1920×1080). Builds the app,
 * serves it with `vite preview`, and drives Debian's Chromium (CHROMIUM_PATH) through playwright-core.
 * Replies are picked by position with a fixed seed, so the pictures are the same each time.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'docs/screens');
const DIST = resolve(ROOT, 'test-results/screens-build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true, scale: 1 },
  { name: 'laptop', width: 1280, height: 720, touch: false, scale: 1 },
  // Drawn at three quarters (1440×810 pixels) to keep each file near 300 KB; the layout is 1920×1080's.
  { name: 'projector', width: 1920, height: 1080, touch: false, scale: 0.75 },
] as const;

type Size = (typeof SIZES)[number];

interface Shot {
  readonly name: string;
  readonly what: string;
  /** Only at these sizes (all when left out). */
  readonly sizes?: readonly Size['name'][];
  readonly take: (page: Page, base: string) => Promise<void>;
}

// Painted, with the setting's art (the role-play fetches it after its first turn).
const drawn = (page: Page) =>
  page.waitForSelector('#stage[data-drawn]:not([data-setting="loading"])', { state: 'attached' });
const turn = (page: Page) => page.waitForSelector('button.reply:not([aria-disabled]), button.continue');

async function roleplay(page: Page, base: string, scenario: string, replies = 0): Promise<void> {
  await page.goto(`${base}?scenario=${scenario}&model=LASS&mode=practice&seed=4`);
  await drawn(page);
  for (let i = 0; i < replies; i++) {
    await turn(page);
    const before = await page.locator('.history > li').count();
    await page.locator('button.reply').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
  }
  await turn(page);
}

/** Plays the kettle to its end (the first reply on screen each turn) and opens the debrief. */
async function debrief(page: Page, base: string): Promise<void> {
  await roleplay(page, base, 'faulty-kettle');
  while ((await page.locator('button.continue').count()) === 0) {
    const before = await page.locator('.history > li').count();
    await page.locator('button.reply').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.history > li').length > n, before);
    await turn(page);
  }
  await page.click('button.continue');
  await page.waitForSelector('[data-testid=percent]');
  await drawn(page);
}

/** On a phone the top bar's controls are behind its Menu button. */
async function openTopbarMenu(page: Page): Promise<void> {
  const menu = page.locator('[data-testid=topbar-menu]');
  if (await menu.isVisible()) await menu.click();
}

async function presenter(page: Page, base: string, marks: boolean): Promise<void> {
  await page.goto(`${base}?scenario=faulty-kettle&model=LASS&mode=presenter&seed=5`);
  await drawn(page);
  await page.click('[data-testid=show-replies]');
  for (const letter of ['A', 'A', 'A', 'B', 'C']) await page.click(`[data-testid=add-${letter}]`);
  if (marks) {
    await openTopbarMenu(page);
    await page.click('[data-testid=show-marks]');
    await page.waitForSelector('[data-testid=marks]');
  }
}

const SHOTS: readonly Shot[] = [
  {
    name: 'menu',
    what: 'The menu: scenarios, model and mode',
    take: async (page, base) => {
      await page.goto(base);
      await drawn(page);
    },
  },
  {
    name: 'roleplay-face-to-face',
    what: 'A face-to-face role-play (the kettle), second turn, with Practice feedback',
    take: (page, base) => roleplay(page, base, 'faulty-kettle', 1),
  },
  {
    name: 'roleplay-phone-menu',
    what: 'A phone’s top bar with its Menu open (Pause, Map, Accessibility, Hint)',
    sizes: ['phone'],
    take: async (page, base) => {
      await roleplay(page, base, 'faulty-kettle');
      await page.click('[data-testid=topbar-menu]');
    },
  },
  {
    name: 'roleplay-phone-call',
    what: 'A phone call (the broadband bill), first turn',
    take: (page, base) => roleplay(page, base, 'partners-broadband-bill'),
  },
  {
    name: 'roleplay-chat',
    what: 'A live chat (the late birthday present), first turn',
    take: (page, base) => roleplay(page, base, 'late-birthday-present'),
  },
  {
    name: 'roleplay-email',
    what: 'An email (the botched boiler service, the longest message), first turn',
    take: (page, base) => roleplay(page, base, 'boiler-service-botched'),
  },
  { name: 'debrief', what: 'The debrief after a kettle run', take: debrief },
  {
    name: 'history',
    what: 'My progress (History) after one kettle run',
    take: async (page, base) => {
      await debrief(page, base);
      await openTopbarMenu(page);
      await page.click('[data-testid=open-history]');
      await page.waitForSelector('.history-table');
    },
  },
  {
    name: 'presenter-replies',
    what: 'Presenter mode: the replies with the class’s votes as bars, and Play',
    take: (page, base) => presenter(page, base, false),
  },
  {
    name: 'presenter-marks',
    what: 'Presenter mode with “Show the marks”',
    take: (page, base) => presenter(page, base, true),
  },
];

async function main(): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (base === undefined) throw new Error('vite preview did not report its address');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(OUT, { recursive: true });
  try {
    for (const size of SIZES)
      for (const shot of SHOTS)
        if (shot.sizes === undefined || shot.sizes.includes(size.name))
          await takeOne(browser, base, size, shot);
  } finally {
    await browser.close();
    await server.close();
    rmSync(DIST, { recursive: true, force: true });
  }
}

async function takeOne(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  base: string,
  size: Size,
  shot: Shot,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
    locale: 'en-GB',
    // Still pictures: no typing effect or animation half way through.
    reducedMotion: 'reduce',
    ...(size.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  try {
    await shot.take(page, base);
    // Two frames, so whatever was laid out last is painted.
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    const file = resolve(OUT, `${shot.name}-${size.name}.png`);
    await page.screenshot({ path: file });
    console.log(`${file.slice(ROOT.length + 1)}  ${Math.round(statSync(file).size / 1024)} KB`);
  } finally {
    await context.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

await main();

/**
 * The offline classroom: after one visit the service worker (vite-plugin-pwa,
 * vite.config.ts) serves the app with the network cut, and a rebuilt library
 * is used on the next load while the server can be reached.
 * The test mirrors the built app (every file the worker precaches, read from
 * its manifest) into a folder served by a small server it can stop, so "the
 * network is cut" means the server is gone as well as the browser offline.
 * See docs/security.md, "Browser: offline".
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, waitForStage } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { continueByKey, playByKey, readDebrief, waitForTurn } from './support/roleplay.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

let browser: Browser;
let folder: string;
let server: Server | null = null;

/** Copies the app at `url` into `dir`: index.html, sw.js, the workbox runtime and every precached file. */
async function mirror(url: string, dir: string): Promise<void> {
  const get = async (path: string): Promise<Buffer> => {
    const response = await fetch(new URL(path, url));
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };
  const sw = (await get('sw.js')).toString('utf8');
  const workbox = /define\(\[['"]\.\/(workbox-[\w-]+)['"]\]/.exec(sw)?.[1];
  const precached = [...sw.matchAll(/"?url"?:\s*"([^"]+)",\s*"?revision"?:/g)].map((m) => m[1] ?? '');
  if (workbox === undefined || precached.length < 5)
    throw new Error('sw.js is not the expected generateSW output');
  for (const path of ['index.html', 'sw.js', `${workbox}.js`, ...precached]) {
    const target = join(dir, normalize(path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await get(path));
  }
}

/** A static server for `dir` on 127.0.0.1 (a secure context, as service workers need). */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const s = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(dir, normalize(path === '/' ? 'index.html' : path));
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  const address = s.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { server: s, url: `http://127.0.0.1:${port}/` };
}

/**
 * A rebuilt library, as `vite build` makes it: the library file under a new
 * name with a changed title, and index.html naming it (the scripts do not change).
 */
function publishUpdate(dir: string, from: string, to: string): void {
  const assets = join(dir, 'assets');
  const library = readdirSync(assets).find(
    (name) => /^library-[\w-]+\.json$/.test(name) && name !== 'library-updated.json',
  );
  if (library === undefined) throw new Error('no library file');
  const data = readFileSync(join(assets, library), 'utf8');
  if (!data.includes(from)) throw new Error(`the library has no "${from}"`);
  writeFileSync(join(assets, 'library-updated.json'), data.split(from).join(to));
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  if (!html.includes(`assets/${library}`)) throw new Error('index.html does not name the library file');
  writeFileSync(join(dir, 'index.html'), html.split(`assets/${library}`).join('assets/library-updated.json'));
}

async function cardTitles(page: Page): Promise<string> {
  await page.waitForSelector('.card');
  return (await page.locator('.card').allTextContents()).join(' | ');
}

beforeAll(async () => {
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'sim-offline-'));
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  rmSync(folder, { recursive: true, force: true });
});

it('plays with the network cut after one visit, and picks up a rebuilt library on the next load', {
  timeout: 120_000,
}, async () => {
  await mirror(inject('appUrl'), folder);
  // The worker precaches the library file (mirror copies only what it precaches).
  expect(readdirSync(join(folder, 'assets')).filter((name) => name.endsWith('.json'))).toEqual([
    expect.stringMatching(/^library-[\w-]+\.json$/),
  ]);
  const served = await serve(folder);
  server = served.server;
  const { page, errors } = await openPage(browser, served.url);
  expect(await cardTitles(page)).toContain('The kettle that gave up');
  // The worker has precached everything once it controls the page (clientsClaim after install).
  // A function, not a string: Playwright evaluates a string predicate with eval, which the CSP refuses.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });

  // A tutor rebuilds the app with a changed scenario: the next load (online) shows it.
  publishUpdate(folder, 'The kettle that gave up', 'The kettle that gave up again');
  await page.reload();
  expect(await cardTitles(page)).toContain('The kettle that gave up again');

  // The network is cut: the server is gone and the browser is offline.
  await new Promise<void>((done) => {
    served.server.close(() => done());
    served.server.closeAllConnections();
  });
  server = null;
  await page.context().setOffline(true);
  await page.reload();
  expect(await cardTitles(page)).toContain('The kettle that gave up again');
  await waitForStage(page, 'menu');
  await page.locator('label:has(input[name="model"][value="LASS"])').click();
  await page.locator('button[data-scenario="faulty-kettle"]').click();
  await waitForTurn(page);
  await playByKey(page, choiceIds([2, 1, 1, 1]));
  await continueByKey(page);
  await waitForStage(page, 'debrief');
  expect((await readDebrief(page)).band).toBe('Distinction');
  expect(errors).toEqual([]);
});

it('says it your way offline: the analyser chunk, with its cue data, is precached and reads a reply with the network cut', {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-offline-sayit-'));
  const served = await serve(dir);
  try {
    await mirror(inject('appUrl'), dir);
    // The cue data is inside the chunk (src/game/build/readingPlugin.ts): the worker precaches the chunk.
    expect(
      readdirSync(join(dir, 'assets')).filter((name) => /^analyser-[\w-]+\.js$/.test(name)),
    ).toHaveLength(1);
    // One visit to the menu with the switch off: only the worker's precache can have the chunk.
    const { page, errors } = await openPage(browser, served.url, { reducedMotion: 'reduce' });
    await page.waitForSelector('[data-testid="say-it-menu-switch"]');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    await new Promise<void>((done) => {
      served.server.close(() => done());
      served.server.closeAllConnections();
    });
    await page.context().setOffline(true);
    await page.reload();
    await page.locator('[data-testid="say-it-menu-switch"]').check();
    await page.locator('label:has(input[name="model"][value="LASS"])').click();
    await page.locator('button[data-scenario="faulty-kettle"]').click();
    await page.locator('[data-testid="say-it-text"]').waitFor({ state: 'visible' });
    await page.locator('[data-testid="say-it-text"]').fill("I'm so sorry, what happened?");
    await page.locator('.say-it-check').click();
    await page.waitForSelector('[data-testid="say-it-words"] mark[data-acts~="apologise"]');
    await page.waitForSelector('button.reply[data-preselected="true"]');
    expect(errors).toEqual([]);
    await page.context().close();
  } finally {
    served.server.closeAllConnections();
    served.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

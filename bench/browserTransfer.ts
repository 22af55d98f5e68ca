/**
 * JavaScript the page transfers, measured in the browser: every script
 * response the page's own network log sees (CDP Network events), its bytes on
 * the wire (`encodedDataLength`, headers included) and the gzip size of its
 * body at level 9 (the bench's server does not compress; a real host would,
 * and level 9 is what Vite's report and scripts/budgets.ts use). Phaser's
 * chunk is told apart as scripts/budgets.ts does: by its file name, or, when no
 * file is named after it, by Phaser's banner string in the body.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { freshPage, MARK_FIRST_REPLY, r1, readyAt, waitFor } from './browserPage.ts';

const PHASER_NAME = /(^|\/)phaser[-.][^/]*$/i;
const PHASER_BANNER = 'Phaser v';
/** Network quiet this long after "ready" counts as the load being over. */
const QUIET_MS = 1500;

export interface ScriptTransfer {
  readonly file: string;
  readonly wireBytes: number;
  readonly bodyBytes: number;
  readonly gzipBytes: number;
  readonly phaser: boolean;
  /** Finished loading before the page was ready (first reply usable, or menu drawn). */
  readonly beforeReady: boolean;
}

export interface TransferReport {
  readonly url: string;
  readonly scripts: readonly ScriptTransfer[];
  readonly phaserIdentifiedBy: 'file name' | 'banner' | 'not found';
  readonly phaserGzipKB: number | null;
  /** Every script but Phaser's, gzip level 9. */
  readonly appGzipKB: number;
  readonly appGzipKBBeforeReady: number;
  readonly appWireKB: number;
  /** Everything else fetched before ready (styles, images...), by resource type: count and KB on the wire. */
  readonly otherBeforeReady: Readonly<Record<string, { count: number; wireKB: number }>>;
  readonly goalKB: number;
  readonly met: boolean;
}

interface Pending {
  url: string;
  type: string;
  finishedAt?: number;
  wireBytes?: number;
}

/**
 * Loads `url` in a fresh context, waits for it to be ready (the first reply
 * usable, or `readySelector` when given) and for the network to go quiet, then
 * reads every script body from the browser.
 */
export async function measureTransfer(
  browser: Browser,
  url: string,
  goalKB: number,
  readySelector?: string,
): Promise<TransferReport> {
  const opened = await freshPage(browser, 'reduce', readySelector === undefined ? [MARK_FIRST_REPLY] : []);
  const { page, cdp, context } = opened;
  try {
    const requests = new Map<string, Pending>();
    let lastActivity = Date.now();
    cdp.on('Network.responseReceived', (event) => {
      lastActivity = Date.now();
      requests.set(event.requestId, { url: event.response.url, type: event.type });
    });
    cdp.on('Network.loadingFinished', (event) => {
      lastActivity = Date.now();
      const pending = requests.get(event.requestId);
      if (pending !== undefined) {
        pending.finishedAt = Date.now();
        pending.wireBytes = event.encodedDataLength;
      }
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url);
    if (readySelector === undefined) await readyAt(opened, url);
    else await waitFor(page, readySelector);
    const readyWall = Date.now();
    while (Date.now() - lastActivity < QUIET_MS) await page.waitForTimeout(250);

    const scripts: (Omit<ScriptTransfer, 'phaser'> & { body: string })[] = [];
    for (const [requestId, pending] of requests) {
      const isScript = pending.type === 'Script' || /\.m?js(\?|$)/.test(pending.url);
      if (!isScript || pending.finishedAt === undefined) continue;
      const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId });
      const bytes = base64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
      scripts.push({
        file: new URL(pending.url).pathname,
        wireBytes: pending.wireBytes ?? 0,
        bodyBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        beforeReady: pending.finishedAt <= readyWall,
        body: bytes.toString('utf8'),
      });
    }
    const otherBeforeReady: Record<string, { count: number; wireKB: number }> = {};
    for (const pending of requests.values()) {
      const isScript = pending.type === 'Script' || /\.m?js(\?|$)/.test(pending.url);
      if (isScript || pending.finishedAt === undefined || pending.finishedAt > readyWall) continue;
      // data: and blob: URLs are made in the page (Phaser's default textures): nothing on the wire.
      if (!pending.url.startsWith('http')) continue;
      const entry = otherBeforeReady[pending.type] ?? { count: 0, wireKB: 0 };
      otherBeforeReady[pending.type] = entry;
      entry.count++;
      entry.wireKB = r1(entry.wireKB + (pending.wireBytes ?? 0) / 1024);
    }
    const byName = scripts.some((s) => PHASER_NAME.test(s.file));
    const byBanner = !byName && scripts.some((s) => s.body.includes(PHASER_BANNER));
    const isPhaser = (s: { file: string; body: string }) =>
      byName ? PHASER_NAME.test(s.file) : byBanner && s.body.includes(PHASER_BANNER);
    const listed: ScriptTransfer[] = scripts
      .map(({ body, ...s }) => ({ ...s, phaser: isPhaser({ file: s.file, body }) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    const kb = (n: number) => r1(n / 1024);
    const sum = (list: readonly ScriptTransfer[], pick: (s: ScriptTransfer) => number) =>
      list.reduce((total, s) => total + pick(s), 0);
    const app = listed.filter((s) => !s.phaser);
    const phaser = listed.filter((s) => s.phaser);
    const appGzipKB = kb(sum(app, (s) => s.gzipBytes));
    return {
      url: new URL(url).search || '/',
      scripts: listed,
      phaserIdentifiedBy: byName ? 'file name' : byBanner ? 'banner' : 'not found',
      phaserGzipKB: phaser.length === 0 ? null : kb(sum(phaser, (s) => s.gzipBytes)),
      appGzipKB,
      appGzipKBBeforeReady: kb(
        sum(
          app.filter((s) => s.beforeReady),
          (s) => s.gzipBytes,
        ),
      ),
      appWireKB: kb(sum(app, (s) => s.wireBytes)),
      otherBeforeReady,
      goalKB,
      // With Phaser in a shared chunk the app's share cannot be told apart: not met.
      met: byName && appGzipKB <= goalKB,
    };
  } finally {
    await context.close();
  }
}

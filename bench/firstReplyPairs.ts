/**
 * `npx tsx bench/firstReplyPairs.ts [rounds]`: the first-reply figure alone,
 * as `npm run bench` measures it (the same builds, the same samples,
 * alternating app and bare page), without the frames and memory passes that
 * take the rest of the bench's 12 minutes. A diagnostic for trying a change;
 * `npm run bench` gives the figure recorded in docs/benchmarks.md.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildBoth, readySample, serve } from './browser.ts';
import { DEEP_LINK, launchChromium, r1 } from './browserPage.ts';
import { median } from './stats.ts';

const rounds = Number(process.argv[2] ?? 8);
const built = await buildBoth(mkdtempSync(path.join(os.tmpdir(), 'sim-pairs-')));
const servers = [await serve(built.app), await serve(built.bare)];
const [appUrl, bareUrl] = servers.map(
  (server, i) =>
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html${i === 0 ? DEEP_LINK : ''}`,
) as [string, string];
const browser = await launchChromium();
try {
  // One unrecorded visit each, then alternate, as the bench does.
  await readySample(browser, appUrl, true);
  await readySample(browser, bareUrl, false);
  const app: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 === 0 ? ['app', 'bare'] : ['bare', 'app']) {
      const sample = await readySample(browser, which === 'app' ? appUrl : bareUrl, which === 'app');
      (which === 'app' ? app : bare).push(sample.readyMs);
    }
  }
  const pairs = app.map((ms, i) => (ms / (bare[i] ?? Number.NaN)).toFixed(2));
  console.log(`app ms:  ${app.map(r1).join(', ')}`);
  console.log(`bare ms: ${bare.map(r1).join(', ')}`);
  console.log(`pairs:   ${pairs.join(', ')}`);
  console.log(
    `median ${r1(median(app))} / ${r1(median(bare))} ms = ${(median(app) / median(bare)).toFixed(2)}× (goal ≤ 1.3×)`,
  );
} finally {
  await browser.close();
  for (const server of servers) server.close();
}

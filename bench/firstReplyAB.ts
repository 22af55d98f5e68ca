/**
 * `npx tsx bench/firstReplyAB.ts DIR[,DIR…] [rounds]`: the first reply of two or
 * more checkouts (each a project folder, e.g. a `git worktree` of an older
 * commit with node_modules linked) against the bare Phaser page, all
 * alternated in one Chromium, so a change can be judged against the same
 * machine's noise: single loads on this machine range from under 1× to over 2×
 * the bare page, and a change of 30 ms is invisible in separate runs. Prints
 * each build's median and ratio, and its main-thread task time. A diagnostic;
 * `npm run bench` gives the recorded figure.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { readySample, serve } from './browser.ts';
import { DEEP_LINK, launchChromium } from './browserPage.ts';
import { PROJECT_ROOT } from './load.ts';
import { median } from './stats.ts';

const roots = (process.argv[2] ?? '').split(',').filter((root) => root !== '');
const rounds = Number(process.argv[3] ?? 20);
if (roots.length === 0 || !Number.isInteger(rounds) || rounds < 1) {
  console.error(
    'usage: npx tsx bench/firstReplyAB.ts DIR[,DIR…] [rounds]   (each DIR a checkout of this project)',
  );
  process.exit(2);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-ab-'));
const urlOf = async (out: string, query: string): Promise<string> =>
  `http://127.0.0.1:${((await serve(out)).address() as AddressInfo).port}/index.html${query}`;
const apps: string[] = [];
for (const [i, root] of roots.entries()) {
  const outDir = path.join(dir, String(i));
  await build({ root: path.resolve(root), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  apps.push(await urlOf(outDir, DEEP_LINK));
}
const bareOut = path.join(dir, 'bare');
await build({
  root: path.join(PROJECT_ROOT, 'bench', 'browser'),
  configFile: false,
  logLevel: 'error',
  build: { outDir: bareOut, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
const bare = await urlOf(bareOut, '');
const browser = await launchChromium();
const ready = apps.map((): number[] => []);
const task = apps.map((): number[] => []);
const bareReady: number[] = [];
const bareTask: number[] = [];
// One unrecorded visit each, then every round in turn, the order reversed every other round.
for (const url of apps) await readySample(browser, url, true);
await readySample(browser, bare, false);
for (let round = 0; round < rounds; round++) {
  const order = [...apps.keys(), -1];
  if (round % 2 === 1) order.reverse();
  for (const i of order) {
    const sample = await readySample(browser, i < 0 ? bare : (apps[i] as string), i >= 0);
    (i < 0 ? bareReady : (ready[i] as number[])).push(sample.readyMs);
    (i < 0 ? bareTask : (task[i] as number[])).push(sample.taskMs);
  }
}
await browser.close();
const bareMs = median(bareReady);
console.log(`bare page: ${bareMs.toFixed(0)} ms, task ${median(bareTask).toFixed(0)} ms (${rounds} rounds)`);
for (const [i, root] of roots.entries()) {
  const ms = median(ready[i] as number[]);
  const cpu = median(task[i] as number[]);
  console.log(
    `${root}: ${ms.toFixed(0)} ms = ${(ms / bareMs).toFixed(2)}×, task ${cpu.toFixed(0)} ms = ${(cpu / median(bareTask)).toFixed(2)}×`,
  );
}
process.exit(0);

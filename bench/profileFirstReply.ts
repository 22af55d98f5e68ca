/**
 * `npx tsx bench/profileFirstReply.ts`: where a deep link's start goes. Builds
 * the app (with source maps), loads the deep link three times in fresh
 * Chromium contexts (reduced motion, as the bench's first-reply figure does),
 * and prints the time to the first usable reply with each resource's fetch
 * start and end; the last load's CPU profile is written to
 * bench/first-reply.cpuprofile (open it in Chromium's DevTools, Performance).
 * A diagnostic, not a figure: `npm run bench` measures the goal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { serve } from './browser.ts';
import { DEEP_LINK, freshPage, launchChromium, MARK_FIRST_REPLY, readyAt } from './browserPage.ts';
import { PROJECT_ROOT } from './load.ts';

const out = mkdtempSync(path.join(os.tmpdir(), 'sim-profile-'));
await build({
  root: PROJECT_ROOT,
  logLevel: 'error',
  build: { outDir: out, emptyOutDir: true, sourcemap: true },
});
const server = await serve(out);
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html${DEEP_LINK}`;
const browser = await launchChromium();
try {
  for (let load = 1; load <= 3; load++) {
    const opened = await freshPage(browser, 'reduce', [MARK_FIRST_REPLY]);
    await opened.cdp.send('Profiler.enable');
    await opened.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await opened.cdp.send('Profiler.start');
    await opened.page.goto(url);
    const ms = await readyAt(opened, url);
    const { profile } = await opened.cdp.send('Profiler.stop');
    const fetched = await opened.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => {
          const timing = e as PerformanceResourceTiming;
          return `${e.name.split('/').pop()} ${Math.round(timing.startTime)}–${Math.round(timing.responseEnd)} ms`;
        })
        .join(', '),
    );
    console.log(`load ${load}: first reply at ${Math.round(ms)} ms; fetched ${fetched}`);
    if (load === 3)
      writeFileSync(path.join(PROJECT_ROOT, 'bench', 'first-reply.cpuprofile'), JSON.stringify(profile));
    await opened.context.close();
  }
} finally {
  await browser.close();
  server.close();
}

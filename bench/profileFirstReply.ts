import { build } from 'vite';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DEEP_LINK, freshPage, launchChromium, MARK_FIRST_REPLY, readyAt } from './browserPage.ts';
import { serve } from './browser.ts';

const out = '/tmp/prof-app';
await build({ root: '/work/main', logLevel: 'error', build: { outDir: out, emptyOutDir: true, sourcemap: true } });
const server = await serve(out);
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html${DEEP_LINK}`;
const browser = await launchChromium();
for (let i = 0; i < 3; i++) {
  const opened = await freshPage(browser, 'reduce', [MARK_FIRST_REPLY]);
  await opened.cdp.send('Profiler.enable');
  await opened.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await opened.cdp.send('Profiler.start');
  await opened.page.goto(url);
  const ms = await readyAt(opened, url);
  const { profile } = await opened.cdp.send('Profiler.stop');
  const timing = await opened.page.evaluate(() => JSON.stringify(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round((e as PerformanceResourceTiming).responseEnd)])));
  const marks = await opened.page.evaluate(() => JSON.stringify(performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime)])));
  console.log(`ready ${Math.round(ms)} ms`, timing, marks);
  if (i === 2) writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
  await opened.context.close();
}
await browser.close();
server.close();

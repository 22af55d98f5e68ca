/**
 * Dev-only: serves art.html with Vite, screenshots every gallery view in headless
 * Chromium and writes PNGs to test-results/art/. Fails on any console error.
 * Run: `npx tsx src/game/art/screenshot.ts [only-this-name-part]`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '../../..');
const out = resolve(root, 'test-results/art');
mkdirSync(out, { recursive: true });

const shots: Readonly<Record<string, string>> = {
  faces: 'view=faces',
  'faces-2':
    'view=faces&names=Mrs%20Nadia%20Hussain|Harjeet%20Sandhu|Tomasz%20Nowak|Lauren%20Walsh&avatars=|turban-fullBeard||',
  'zoom-1': 'view=faces&scale=1.1&names=Harjeet%20Sandhu|Mrs%20Nadia%20Hussain&avatars=turban-fullBeard|',
  'zoom-2': 'view=faces&scale=1.1&names=Mrs%20Patel|Mr%20Okafor',
  'zoom-3': 'view=faces&scale=1.1&names=Mr%20Gareth%20Pryce|Marcus%20Greene',
  'zoom-4':
    'view=faces&scale=1.1&names=Mr%20Amrit%20Singh|Siobhan%20Kelly&avatars=turban-fullBeard-glasses|grey-ponytail-skin2',
  cast: 'view=cast',
  'setting-shop': 'view=setting&channel=face-to-face&setting=shop-counter&name=Mrs%20Patel&mood=25',
  'setting-restaurant': 'view=setting&channel=face-to-face&setting=restaurant&name=Marcus%20Greene&mood=8',
  'setting-hotel':
    'view=setting&channel=face-to-face&setting=hotel-reception&name=Mr%20Gareth%20Pryce&mood=42',
  'setting-cafe': 'view=setting&channel=face-to-face&setting=cafe&name=Priya%20Nair&mood=78',
  'setting-phone': 'view=setting&channel=phone&setting=call-centre&name=Tomasz%20Nowak&mood=20',
  'setting-chat': 'view=setting&channel=chat&name=Graham%20Pearce&mood=60',
  'setting-email': 'view=setting&channel=email&setting=inbox&name=Harjeet%20Sandhu&mood=30',
  anim: 'view=setting&channel=face-to-face&setting=cafe&name=Marcus%20Greene&mood=10&still=0&talk=1&mock=0',
  'setting-unknown': 'view=setting&channel=face-to-face&setting=moon-base&name=Kwame%20Mensah&mood=95&mock=0',
};

const only = process.argv[2];
const server = await createServer({
  configFile: resolve(root, 'src/game/art/vite.art.config.ts'),
  logLevel: 'warn',
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://localhost:5199/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
const errors: string[] = [];

/** Page screenshot clipped to the canvas (an element screenshot waits for "stable", which a busy machine can miss). */
async function shoot(page: import('playwright-core').Page, file: string): Promise<void> {
  const box = await page.locator('#art canvas').boundingBox();
  if (box === null) throw new Error('no canvas');
  await page.screenshot({ path: resolve(out, file), clip: box, timeout: 60_000 });
}
try {
  for (const [name, query] of Object.entries(shots)) {
    if (only && !name.includes(only)) continue;
    const page = await browser.newPage({ viewport: { width: 2900, height: 1400 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${name}: ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
    await page.goto(`${base}art.html?${query}`);
    await page.waitForFunction(() => window.artReady === true, undefined, { timeout: 30_000 });
    await page.waitForTimeout(400);
    await shoot(page, `${name}.png`);
    if (name === 'anim') {
      // Mid-morph and settled frames of an animated mood change while talking.
      await page.evaluate(() => window.artFigures?.[0]?.setMood(95, true));
      await page.waitForTimeout(150);
      await shoot(page, 'anim-mid.png');
      await page.waitForTimeout(700);
      await page.evaluate(() => window.artFigures?.[0]?.setTalking(false));
      await shoot(page, 'anim-end.png');
      await page.evaluate(() => window.artFigures?.[0]?.destroy());
      await page.waitForTimeout(300);
      await shoot(page, 'anim-destroyed.png');
    }
    await page.close();
    console.log(`wrote test-results/art/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exitCode = 1;
}

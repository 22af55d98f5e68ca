/**
 * Dev-only: opens every scenario of the library at 1280 × 720 (a deep link,
 * the real stage), keeps the stage with its customer, and tiles all of them
 * into one contact sheet, docs/screens/cast.png, labelled with the customer,
 * the look the stage reports (`data-look`) and the channel. Also writes each
 * stage to test-results/cast/. Run: `npx tsx src/game/art/castSheet.ts`.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '../../..');
const out = resolve(root, 'test-results/cast');
const sheet = resolve(root, 'docs/screens/cast.png');
mkdirSync(out, { recursive: true });
mkdirSync(resolve(root, 'docs/screens'), { recursive: true });

const ids = readdirSync(resolve(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

const server = await createServer({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
await server.listen();
const base = server.resolvedUrls?.local[0] ?? '';
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
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const tiles: { id: string; name: string; look: string; png: string }[] = [];
for (const id of ids) {
  await page.goto(`${base}?scenario=${id}&seed=1`);
  await page.waitForSelector('button.reply, button.continue', { timeout: 120_000 });
  const stage = page.locator('[data-look]');
  await stage.waitFor({ timeout: 60_000 });
  const look = (await stage.getAttribute('data-look')) ?? '';
  const name = (await page.locator('.speaker').first().textContent()) ?? id;
  const box = await stage.boundingBox();
  if (box === null) throw new Error(`${id}: no stage on screen`);
  // The top of the stage: the customer (the words below are on the page anyway).
  const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 400) };
  const file = resolve(out, `${id}.png`);
  await page.screenshot({ path: file, clip });
  tiles.push({ id, name: name.trim(), look, png: readFileSync(file).toString('base64') });
  console.log(id, look);
}

const cells = tiles
  .map(
    (t) => `<figure><img src="data:image/png;base64,${t.png}" alt=""><figcaption><b>${t.name}</b>
      <span>${t.id}</span><small>${t.look.replace(/ (?=facialHair)/, '<br>')}</small></figcaption></figure>`,
  )
  .join('');
await page.setViewportSize({ width: 1280, height: 900 });
await page.setContent(`<!doctype html><style>
  body { margin: 0; padding: 12px; background: #f6f1ea; font: 13px system-ui, sans-serif; color: #1f2a37; }
  main { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; }
  figure { margin: 0; background: #fff; border-radius: 8px; overflow: hidden; }
  img { display: block; width: 100%; height: 180px; object-fit: cover; object-position: center top; }
  figcaption { padding: 5px 8px 7px; display: grid; gap: 1px; }
  span { color: #4b5563; } small { color: #4b5563; font-size: 11px; }
</style><main>${cells}</main>`);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
await page.setViewportSize({ width: 1280, height });
const shot = (await page.screenshot()).toString('base64');
// Fewer shades per channel (the art is flat colour) keep the sheet under 400 KB with no image tool installed.
const small = await page.evaluate(async (png) => {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < pixels.data.length; i++) {
    if (i % 4 !== 3) pixels.data[i] = Math.min(255, Math.floor((pixels.data[i] ?? 0) / 32) * 32 + 16);
  }
  context.putImageData(pixels, 0, 0);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}, shot);
writeFileSync(sheet, Buffer.from(small, 'base64'));
await browser.close();
await server.close();
console.log(`wrote ${sheet} (${Math.round(statSync(sheet).size / 1024)} KB)`);
writeFileSync(
  resolve(out, 'looks.json'),
  JSON.stringify(
    tiles.map(({ png: _png, ...t }) => t),
    null,
    2,
  ),
);

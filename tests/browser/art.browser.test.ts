/**
 * The art module: pure rules in Node (expressions, looks, palette contrast) and
 * the gallery (art.html) in Chromium, built and served by its own Vite config.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPRESSIONS, expressionForMood } from '../../src/game/art/expressionForMood.ts';
import { lookFor } from '../../src/game/art/lookFor.ts';
import { PALETTE } from '../../src/game/art/palette.ts';
import { launchBrowser, openPage } from './support/browser.ts';

function luminance(colour: number): number {
  const ch = (shift: number) => {
    const v = ((colour >> shift) & 255) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(16) + 0.7152 * ch(8) + 0.0722 * ch(0);
}

function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('expressionForMood', () => {
  it('maps the documented thresholds, furious to delighted', () => {
    const at = (m: number) => expressionForMood(m);
    expect([0, 14, 15, 34, 35, 49, 50, 64, 65, 84, 85, 100].map(at)).toEqual([
      'furious',
      'furious',
      'angry',
      'angry',
      'upset',
      'upset',
      'neutral',
      'neutral',
      'pleased',
      'pleased',
      'delighted',
      'delighted',
    ]);
  });

  it('clamps out-of-range moods and treats NaN as neutral', () => {
    expect(expressionForMood(-20)).toBe('furious');
    expect(expressionForMood(250)).toBe('delighted');
    expect(expressionForMood(Number.NaN)).toBe('neutral');
  });

  it('never gets happier as the mood falls', () => {
    let previous = EXPRESSIONS.indexOf(expressionForMood(100));
    for (let m = 100; m >= 0; m -= 0.5) {
      const index = EXPRESSIONS.indexOf(expressionForMood(m));
      expect(index).toBeLessThanOrEqual(previous);
      previous = index;
    }
  });
});

describe('lookFor', () => {
  it('gives the same look for the same name every time, ignoring case and spaces', () => {
    expect(lookFor('Mrs Patel')).toEqual(lookFor('  mrs patel '));
  });

  it('prefers the avatar key over the name', () => {
    expect(lookFor('Anyone', 'customer-7')).toEqual(lookFor('Someone else', 'customer-7'));
  });

  it('gives different customers different looks', () => {
    const names = [
      'Mrs Patel',
      'Kwame Mensah',
      'Marcus Greene',
      'Mr Gareth Pryce',
      'Priya Nair',
      'Tomasz Nowak',
    ];
    const looks = new Set(names.map((n) => JSON.stringify(lookFor(n))));
    expect(looks.size).toBe(names.length);
  });

  it('honours avatar words and never puts facial hair with a hijab', () => {
    const look = lookFor('Mr Test', 'hijab-fullBeard-roundGlasses-skin6');
    expect(look.headwear).toBe('hijab');
    expect(look.facialHair).toBe('none');
    expect(look.glasses).toBe('round');
    expect(lookFor('Harjeet Sandhu', 'turban-fullBeard')).toMatchObject({
      headwear: 'turban',
      facialHair: 'fullBeard',
    });
  });

  it('gives no facial hair to a Mrs, Ms or Miss without an avatar key', () => {
    for (let i = 0; i < 200; i++) {
      expect(lookFor(`Mrs Example ${i}`).facialHair).toBe('none');
      expect(lookFor(`Mr Example ${i}`).headwear).not.toBe('hijab');
    }
  });
});

describe('PALETTE', () => {
  it('keeps every text colour at 4.5:1 or better on the backgrounds it is meant for', () => {
    for (const bg of [PALETTE.background, PALETTE.surface, PALETTE.surfaceAlt]) {
      expect(contrast(PALETTE.text, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(PALETTE.textMuted, bg)).toBeGreaterThanOrEqual(4.5);
    }
    for (const fill of [
      PALETTE.accent,
      PALETTE.accentDark,
      PALETTE.success,
      PALETTE.danger,
      PALETTE.warning,
    ]) {
      expect(contrast(PALETTE.textOnAccent, fill)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the art gallery in Chromium', () => {
  let server: PreviewServer;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    // A production build, so hashed asset URLs are what gets tested (and no dev-server reloads).
    const root = resolve(import.meta.dirname, '../..');
    const configFile = resolve(root, 'src/game/art/vite.art.config.ts');
    const outDir = resolve(root, 'test-results/build/art');
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    base = server.resolvedUrls?.local[0] ?? '';
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws every expression for four customers with no console errors', async () => {
    const { page, errors } = await openPage(browser, `${base}art.html?view=faces`, {
      width: 1700,
      height: 1140,
    });
    await page.waitForFunction(() => window.artReady === true);
    const count = await page.evaluate(() => window.artFigures?.length);
    expect(count).toBe(24);
    const expressions = await page.evaluate(() => window.artFigures?.slice(0, 6).map((f) => f.expression));
    expect(expressions).toEqual([...EXPRESSIONS]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws every setting from its loaded texture, figure inside the canvas, unknown keys as the default', async () => {
    const { page, errors } = await openPage(browser, `${base}art.html?view=setting&still=0&talk=1`);
    await page.waitForFunction(() => window.artReady === true);
    const cases = [
      ['face-to-face', 'shop-counter', 'shop-counter'],
      ['face-to-face', 'restaurant', 'restaurant'],
      ['face-to-face', 'hotel-reception', 'hotel-reception'],
      ['face-to-face', 'cafe', 'cafe'],
      ['face-to-face', 'no-such-place', 'shop-counter'],
      ['face-to-face', undefined, 'shop-counter'],
      ['phone', 'call-centre', 'call-centre'],
      ['phone', 'cafe', 'call-centre'],
      ['chat', 'chat-window', 'chat-window'],
      ['email', 'inbox', 'email-client'],
    ] as const;
    for (const [channel, setting, expected] of cases) {
      const state = await page.evaluate(
        ([c, s]) => {
          window.artShow?.(c, s);
          const figure = window.artFigures?.[0];
          if (!figure) return null;
          const backdrop = figure.scene.children.list.find((o) => o.name.startsWith('setting:'));
          const images =
            backdrop !== undefined && 'list' in backdrop && Array.isArray(backdrop.list)
              ? backdrop.list.filter((o: { type?: string }) => o.type === 'Image').length
              : 0;
          const b = figure.getBounds();
          return { name: backdrop?.name, images, x: b.x, y: b.y, w: b.width, h: b.height };
        },
        [channel, setting] as const,
      );
      expect(state?.name, `${channel}/${setting}`).toBe(`setting:art.setting.${expected}`);
      expect(state?.images).toBe(1);
      const { x, y, w, h } = state ?? { x: -1, y: -1, w: 0, h: 0 };
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(1280);
      expect(y + h).toBeLessThanOrEqual(720);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('morphs moods, and leaves no tweens or timers behind when destroyed', async () => {
    const { page, errors } = await openPage(browser, `${base}art.html?view=setting&still=0&talk=1&mood=10`);
    await page.waitForFunction(() => window.artReady === true);
    const result = await page.evaluate(async () => {
      const figure = window.artFigures?.[0];
      if (!figure) throw new Error('no figure');
      const scene = figure.scene;
      figure.setMood(95, true);
      const during = scene.tweens.getTweens().length;
      await new Promise((r) => setTimeout(r, 700));
      const expression = figure.expression;
      figure.destroy();
      await new Promise((r) => setTimeout(r, 100));
      return {
        during,
        expression,
        tweensAfter: scene.tweens.getTweens().length,
        // Clock has no public list of events; these are its live and queued timers.
        timersAfter: (() => {
          const clock = scene.time as unknown as { _active: unknown[]; _pendingInsertion: unknown[] };
          return clock._active.length + clock._pendingInsertion.length;
        })(),
      };
    });
    expect(result.during).toBeGreaterThanOrEqual(3);
    expect(result.expression).toBe('delighted');
    expect(result.tweensAfter).toBe(0);
    expect(result.timersAfter).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

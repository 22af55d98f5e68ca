/**
 * The built app under its Content Security Policy (index.html's meta tag):
 * Phaser and XState play a scenario to the debrief with no violation, the
 * policy is really enforced, and the app asks for nothing but its own files.
 * See docs/security.md, "Browser: Content Security Policy" and "Browser: network".
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, waitForStage } from './support/browser.ts';
import { choiceIds } from './support/choiceIds.ts';
import { continueByKey, playByKey, readDebrief, waitForTurn } from './support/roleplay.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Records every `securitypolicyviolation` event from the first script onwards. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline') + ' ' + (event.sample || ''));
  });
`;

async function violations(page: Page): Promise<string[]> {
  return page.evaluate('window.__cspViolations');
}

/** Opens the app with violation recording installed before the page's own scripts run. */
async function openRecorded(url: string) {
  const watched = await openPage(browser, 'about:blank');
  await watched.page.addInitScript(RECORD_VIOLATIONS);
  await watched.page.goto(url);
  return watched;
}

/** Menu → Practice faulty-kettle under LASS (2,1,1,1) → debrief. */
async function playToDebrief(page: Page): Promise<void> {
  await page.waitForSelector('.card');
  await waitForStage(page, 'menu');
  await page.locator('label:has(input[name="model"][value="LASS"])').click();
  await page.locator('button[data-scenario="faulty-kettle"]').click();
  await waitForTurn(page);
  await waitForStage(page, 'roleplay');
  await playByKey(page, choiceIds([2, 1, 1, 1]));
  await continueByKey(page);
  await waitForStage(page, 'debrief');
  expect((await readDebrief(page)).band).toBe('Distinction');
}

describe('Content Security Policy', () => {
  it('ships a policy with no unsafe-eval and no inline scripts', async () => {
    const response = await fetch(inject('appUrl'));
    const html = await response.text();
    const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    const directives = new Map(
      (policy ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    // The build itself has no inline script: every <script> has a src.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
  });

  it('plays a scenario to the debrief and opens the history with no violation and no console error', async () => {
    const { page, errors } = await openRecorded(inject('appUrl'));
    await playToDebrief(page);
    await page.click('[data-testid="open-history"]');
    await page.waitForSelector('[data-testid="history"]');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is enforced: an injected inline script, inline handler and string timer are refused, and reported', async () => {
    const { page, errors } = await openRecorded(inject('appUrl'));
    await page.waitForSelector('.card');
    const outcome = await page.evaluate(`new Promise((done) => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      setTimeout('window.__timerRan = true', 0);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handlerRan = true');
      // Listeners added from script still run: wait for the error, then one more task for the timer.
      img.addEventListener('error', () => setTimeout(() => done({
        inline: window.__inlineRan === true,
        timer: window.__timerRan === true,
        handler: window.__handlerRan === true,
      }), 0));
      img.src = 'data:,not-an-image';
      document.body.append(img);
    })`);
    expect(outcome).toEqual({ inline: false, timer: false, handler: false });
    await page.waitForFunction(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations.length >= 3,
    );
    const seen = await violations(page);
    expect(seen.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
    expect(seen.some((v) => v.startsWith('script-src-attr inline'))).toBe(true);
    expect(seen.some((v) => v.startsWith('script-src eval'))).toBe(true);
    // Chromium also logs each refusal as a console error: those are the only errors.
    expect(errors.every((e) => /Content Security Policy/.test(e))).toBe(true);
  });
});

describe('network', () => {
  it('asks only its own origin for anything, from the menu through a role-play and debrief to the history', async () => {
    const origin = new URL(inject('appUrl')).origin;
    const watched = await openPage(browser, 'about:blank');
    const { page, errors } = watched;
    const requests: string[] = [];
    page.context().on('request', (request) => requests.push(request.url()));
    await page.addInitScript(RECORD_VIOLATIONS);
    await page.goto(inject('appUrl'));
    await playToDebrief(page);
    await page.click('[data-testid="open-history"]');
    await page.waitForSelector('[data-testid="history"]');

    expect(requests.length).toBeGreaterThan(3);
    const foreign = requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      return new URL(url).origin !== origin;
    });
    expect(foreign).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

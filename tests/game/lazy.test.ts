/**
 * The lazy loader behind "Try again" (src/game/ui/lazy.ts): a failure is
 * forgotten, and the retry can name the failed module's address afresh for a
 * browser that keeps failed imports (the browser test in
 * tests/browser/budget.browser.test.ts drives that in Chromium).
 */
import { describe, expect, it } from 'vitest';
import { failedModuleAddress, lazy } from '../../src/game/ui/lazy.ts';

describe('lazy', () => {
  it('fetches once, makes what the caller needs of it, and fetches again after a failure', async () => {
    let calls = 0;
    const load = lazy(
      async () => {
        calls += 1;
        if (calls === 1) throw new TypeError('offline');
        return { answer: 42 };
      },
      (module) => module.answer + 1,
    );
    await expect(load()).rejects.toThrow('offline');
    expect(await load()).toBe(43);
    expect(await load()).toBe(43);
    expect(calls).toBe(2);
  });

  it('passes on the error when the retry meets a failure that names no address', async () => {
    const load = lazy(async () => {
      throw new TypeError('Importing a module script failed.');
    });
    await expect(load()).rejects.toThrow('Importing a module script failed.');
    await expect(load()).rejects.toThrow('Importing a module script failed.');
  });
});

describe('failedModuleAddress', () => {
  it('reads the address from Chromium’s and Firefox’s messages, and none from Safari’s', () => {
    expect(
      failedModuleAddress(
        new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/Map-x1.js'),
      ),
    ).toBe('http://127.0.0.1:4173/assets/Map-x1.js');
    expect(
      failedModuleAddress(
        new TypeError('error loading dynamically imported module: https://college.example/sim/assets/A.js'),
      ),
    ).toBe('https://college.example/sim/assets/A.js');
    expect(failedModuleAddress(new TypeError('Importing a module script failed.'))).toBeNull();
  });
});

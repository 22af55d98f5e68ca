import { defineConfig } from 'vitest/config';

// Unit and content tests run in Node. Browser tests have their own config
// (vitest.browser.config.ts) because they need a built app and Chromium.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
    // CLI tests spawn `npm run sim` as a tutor would (npm + tsx start-up is seconds on a busy
    // 2-core machine); a hang still fails, a slow start does not.
    testTimeout: 60_000,
  },
});

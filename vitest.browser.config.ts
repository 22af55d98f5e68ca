import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by `vite preview`, driven by playwright-core
// and Debian's Chromium. The global setup builds the app (and a variant over a
// fixture folder) and starts the preview servers. See docs/game.md.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/support/globalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One Chromium at a time keeps SwiftShader WebGL fast enough on small CI machines.
    fileParallelism: false,
  },
});

import { defineConfig, type Plugin, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { earlyScriptPlugin } from './src/game/build/earlyScriptPlugin.ts';
import { libraryPlugin } from './src/game/build/libraryPlugin.ts';
import { readingPlugin } from './src/game/build/readingPlugin.ts';

/**
 * The offline classroom (docs/security.md, "Browser: offline"): a service worker
 * precaches the app shell and the library file (assets/library-<hash>.json); the page itself is network-first, so a
 * rebuilt library is used on the next load whenever the server can be reached.
 * Registered by src/main.ts once the first screen is drawn (`offlineFlag`). Left out of
 * relative-base builds: SCORM packages (`npm run package`) must not carry one.
 */
function offline(): PluginOption {
  const plugins = VitePWA({
    // The production worker even when NODE_ENV is 'test' (the browser tests build with vitest).
    mode: 'production',
    registerType: 'autoUpdate',
    // src/main.ts registers the worker once the first screen is drawn (see `offlineFlag`).
    injectRegister: false,
    manifest: false,
    workbox: {
      // json: the library file (assets/library-<hash>.json, src/game/build/libraryPlugin.ts).
      globPatterns: ['**/*.{js,css,html,json,svg,png,webp,woff2}'],
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      // Pages are not served from the precache (that would keep last term's library until a second reload).
      navigateFallback: null,
      directoryIndex: null,
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [
        {
          urlPattern: ({ request }) => request.mode === 'navigate',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'pages',
            networkTimeoutSeconds: 4,
            precacheFallback: { fallbackURL: 'index.html' },
          },
        },
        {
          // Hashed files a newer page names before the newer worker has precached them.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/assets/'),
          handler: 'CacheFirst',
          options: { cacheName: 'assets', expiration: { maxEntries: 60 } },
        },
      ],
    },
  });
  return plugins.map(
    (plugin): Plugin => ({
      ...plugin,
      apply: (config, env) =>
        config.base !== './' &&
        (typeof plugin.apply === 'function'
          ? plugin.apply(config, env)
          : plugin.apply === undefined || plugin.apply === env.command),
    }),
  );
}

/**
 * `__OFFLINE__` tells src/main.ts whether this build has a service worker to
 * register (a `vite build` with the condition of `offline()`). The page registers it itself,
 * once the first screen is drawn, rather than on `load`: the worker's first
 * precache is about 2.4 MB, and downloading it while the first role-play was
 * being built made the first reply about 20% later (issue 9).
 */
function offlineFlag(): Plugin {
  return {
    name: 'offline-flag',
    // Not under the dev server: it has no sw.js (vite-plugin-pwa builds the worker only in `vite build`).
    config: (config, { command }) => ({
      define: { __OFFLINE__: JSON.stringify(command === 'build' && config.base !== './') },
    }),
  };
}

export default defineConfig({
  plugins: [libraryPlugin(), readingPlugin(), earlyScriptPlugin(), offline(), offlineFlag()],
  build: {
    // Phaser alone is about 1.4 MB and does not tree-shake: keep it in its own chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The core folders are pure (docs/architecture.md), so is the game's LMS runtime until it is
      // started, and `yaml` has no side effects: what a module only re-exports through a folder's
      // index.ts (the YAML loader, the LMS bridge) then stays out of the chunks the menu loads, and
      // travels with the lazily loaded part that uses it (src/game/ui/lazy.ts, src/game/lms/hooks.ts).
      treeshake: {
        moduleSideEffects: [
          {
            test: /[\\/]src[\\/](scenario|engine|scoring|analysis|tutor|progress|reading|lms|game[\\/]lms)[\\/][^\\/]+\.ts$/,
            sideEffects: false,
          },
          { test: /[\\/]node_modules[\\/]yaml[\\/]/, sideEffects: false },
        ],
      },
      output: {
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
});

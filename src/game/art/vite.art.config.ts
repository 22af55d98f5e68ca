import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Dev-only server and build for the art gallery (art.html): `npx vite --config src/game/art/vite.art.config.ts`. */
export default defineConfig({
  root: resolve(import.meta.dirname, '../../..'),
  server: { port: 5199, strictPort: true, open: false },
  build: {
    outDir: 'dist-art',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: { input: resolve(import.meta.dirname, '../../../art.html') },
  },
});

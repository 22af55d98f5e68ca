import { defineConfig } from 'vite';
import { libraryPlugin } from './src/game/build/libraryPlugin.ts';

export default defineConfig({
  plugins: [libraryPlugin()],
  build: {
    // Phaser alone is about 1.4 MB and does not tree-shake: keep it in its own chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
});

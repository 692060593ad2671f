import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer is one static bundle served by the web shell and loaded from disk by Electron,
// so asset paths are relative ('./').
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    // uPlot and React Flow are large but load once from disk: no network to optimise for.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // zod ships /*#__PURE__*/ comments in places Rollup ignores; harmless, and noise in every build.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});

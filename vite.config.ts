// Builds the control panel (src-renderer/) into dist/renderer/. `base: './'` keeps every asset
// URL relative, so the same build loads from file:// in the Electron window and from `/` when
// the headless hub serves it over HTTP.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${here}src-renderer`,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}dist/renderer`,
    emptyOutDir: true,
    // Electron 45 (Chromium 140) and current browsers; no legacy transforms needed.
    target: 'es2022',
    sourcemap: true,
  },
});

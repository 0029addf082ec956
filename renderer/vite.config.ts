import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built assets load from the app's own origin under a strict CSP: no inline scripts or styles.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    // One bundle read from local disk: the web's chunk-size advice does not apply.
    chunkSizeWarningLimit: 1024,
  },
});

import { defineConfig } from 'vite';

// The renderer: plain Vite (esbuild JSX), relative base so the same build loads from file:// in
// Electron and from /t/<token>/ in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    rollupOptions: {
      // antd's per-file "use client" directives mean nothing outside React Server Components.
      onwarn(w, warn) {
        if (w.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(w);
      },
    },
  },
  logLevel: 'warn',
});

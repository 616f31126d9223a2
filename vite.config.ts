import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './main/hosts/assets';
import { colors } from './renderer/src/ui/tokens';

/**
 * The page's own CSP (the <meta> in index.html), from the hosts' one definition
 * (main/hosts/assets.ts): the Electron shell's policy less what a meta cannot or never did carry.
 * `frame-ancestors` is ignored in a meta (CSP 3); `frame-src` has never been in it — the meta also
 * applies under the web host's header, which leaves frame-src out until that host is aligned on
 * purpose (see assets.ts). The result is byte-identical to the meta that used to be written by hand
 * (tests/unit/renderer-head.test.ts).
 */
const NOT_IN_META = new Set(['frame-ancestors', 'frame-src']);
export function metaContentSecurityPolicy(): string {
  return contentSecurityPolicy('app')
    .split('; ')
    .filter((d) => !NOT_IN_META.has(d.split(' ')[0]))
    .join('; ');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Fills index.html's placeholders: `__VSHIP_CSP__` (the meta CSP above) and `__VSHIP_PRIMARY__`
 * (the favicon's fill, URL-encoded inside its data: URL, from the design tokens). A placeholder
 * missing from the page is an error, so neither can silently go back to a hand-written copy.
 */
function rendererHead(): Plugin {
  const values: Record<string, string> = {
    __VSHIP_CSP__: escapeAttr(metaContentSecurityPolicy()),
    __VSHIP_PRIMARY__: encodeURIComponent(colors.primary),
  };
  return {
    name: 'vship-renderer-head',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        for (const [placeholder, value] of Object.entries(values)) {
          if (!html.includes(placeholder)) throw new Error(`renderer/index.html has no ${placeholder}`);
          html = html.split(placeholder).join(value);
        }
        return html;
      },
    },
  };
}

// The renderer: plain Vite (esbuild JSX), relative base so the same build loads from file:// in
// Electron and from /t/<token>/ in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  plugins: [rendererHead()],
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

/**
 * renderer/index.html's CSP meta and favicon colour are filled in by vite.config.ts (its
 * `vship-renderer-head` plugin) from main/hosts/assets.ts and renderer/src/ui/tokens.ts. Run through
 * Vite itself, the way the build sees the page; tokens.ts is loaded through Vite too (it is a
 * browser module, outside the Node typecheck).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../main/hosts/assets';

const root = join(__dirname, '..', '..');
const source = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
let server: ViteDevServer;
let html: string;

beforeAll(async () => {
  server = await createServer({
    configFile: join(root, 'vite.config.ts'),
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
  });
  html = await server.transformIndexHtml('/index.html', source);
});
afterAll(() => server?.close());

const metaCsp = (page: string) => page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
const directives = (policy: string) => policy.split('; ');

describe('the renderer page’s head, generated from the one definition of each value', () => {
  it('keeps no hand-written CSP or brand colour in index.html', () => {
    expect(metaCsp(source)).toBe('__VSHIP_CSP__');
    expect(source).not.toMatch(/%23[0-9a-f]{6}/i);
    expect(source).toContain("fill='__VSHIP_PRIMARY__'");
  });

  it('writes the meta CSP the page always carried: the app host’s policy less frame-src and frame-ancestors', () => {
    const meta = metaCsp(html)!;
    expect(meta).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    expect(directives(meta)).toEqual(directives(contentSecurityPolicy('app')).filter((d) => !/^frame-(src|ancestors) /.test(d)));
    // Everything the web host sends that a meta can carry is in it too.
    for (const d of directives(contentSecurityPolicy('web')).filter((x) => !x.startsWith('frame-ancestors '))) expect(meta).toContain(d);
  });

  it('fills the favicon with the design tokens’ primary colour', async () => {
    const { colors } = (await server.ssrLoadModule('/src/ui/tokens.ts')) as { colors: { primary: string } };
    expect(colors.primary).toMatch(/^#[0-9a-f]{6}$/i);
    expect(html).toContain(`fill='${encodeURIComponent(colors.primary)}'`);
    expect(html).not.toMatch(/__VSHIP_[A-Z]+__/);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PageRenderer } from '../../handlers/context';

/**
 * The default page renderer (browser mode and the CLI): playwright-core driving the Chromium or
 * Edge already on the computer — VShip ships no browser of its own. Launched on the first render,
 * reused for the next ones, closed with the core.
 */

/** Width of the record page in CSS pixels; PNGs are taken at twice that (device scale 2). */
export const PAGE_WIDTH = 800;

/** Where a Chromium-family browser is looked for, in order: VSHIP_CHROMIUM first, then the usual places of each system. */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const list: string[] = [];
  if (env.VSHIP_CHROMIUM) list.push(env.VSHIP_CHROMIUM);
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.PROGRAMFILES ?? 'C:\\Program Files'];
    for (const root of roots) list.push(join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    for (const root of roots) list.push(join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    if (env.LOCALAPPDATA) {
      list.push(join(env.LOCALAPPDATA, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
      list.push(join(env.LOCALAPPDATA, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    }
  } else if (platform === 'darwin') {
    list.push(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
    if (env.HOME) list.push(join(env.HOME, 'Applications', 'Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome'));
  } else {
    list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium');
  }
  return list;
}

/** The first browser that exists, or RENDERER_UNAVAILABLE naming where VShip looked. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const list = browserCandidates(env, platform);
  const found = list.find((p) => existsSync(p));
  if (!found) throw new AppError('RENDERER_UNAVAILABLE', { detail: list.join('；') });
  return found;
}

type Browser = import('playwright-core').Browser;

/** A renderer over the system's browser. Nothing is launched until the first render. */
export function chromiumRenderer(env: NodeJS.ProcessEnv = process.env): PageRenderer {
  let launching: Promise<Browser> | null = null;
  const browser = (): Promise<Browser> => {
    if (!launching) {
      launching = (async () => {
        const executablePath = findBrowser(env);
        const { chromium } = await import('playwright-core');
        // Playwright passes --no-sandbox itself (chromiumSandbox defaults to false), so a root user
        // (containers, CI) can launch it too; the pages are our own HTML, offline, whose CSP allows no script.
        const b = await chromium.launch({ executablePath, headless: true });
        b.on('disconnected', () => { launching = null; });
        return b;
      })();
      launching.catch(() => { launching = null; });
    }
    return launching;
  };

  return {
    async render(html, format) {
      let b: Browser;
      try {
        b = await browser();
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('RENDERER_UNAVAILABLE', { detail: e instanceof Error ? e.message.split('\n')[0] : String(e) });
      }
      const context = await b.newContext({ viewport: { width: PAGE_WIDTH, height: 600 }, deviceScaleFactor: 2, offline: true });
      try {
        // Offline in a second way: any request the page might make (it makes none) is refused.
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        // The system fonts are local, but wait for them all the same (a string: this file is compiled without the DOM's types).
        await page.evaluate('document.fonts.ready.then(() => true)').catch(() => undefined);
        const bytes = format === 'png'
          ? await page.screenshot({ type: 'png', fullPage: true })
          : await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(bytes);
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    async close() {
      const pending = launching;
      launching = null;
      if (!pending) return;
      try {
        await (await pending).close();
      } catch { /* never launched, or gone already */ }
    },
  };
}

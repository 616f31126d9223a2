import { BrowserWindow, session } from 'electron';
import type { PageRenderer } from '../handlers';
import { lockDownSession } from './security';

/**
 * The desktop app's page renderer: Electron's own Chromium draws delivery records in an offscreen
 * window — hidden, sandboxed, no Node, its own in-memory session with every network request
 * cancelled — loaded from a data: URL (the page is self-contained). PNG: the page laid out 800 CSS
 * px wide at zoom 2 and captured whole; PDF: printed on A4.
 */

const PAGE_WIDTH = 800;
const SCALE = 2;
const PARTITION = 'vship-record';

let locked = false;
const frame = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

async function renderOnce(html: string, format: 'png' | 'pdf'): Promise<Uint8Array> {
  const ses = session.fromPartition(PARTITION, { cache: false });
  if (!locked) { lockDownSession(ses); locked = true; }
  const zoom = format === 'png' ? SCALE : 1;
  const win = new BrowserWindow({
    show: false,
    width: PAGE_WIDTH * zoom,
    height: 1200,
    useContentSize: true,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      offscreen: true,
      sandbox: true,
      nodeIntegration: false,
      contextIsolation: true,
      webSecurity: true,
      spellcheck: false,
      session: ses,
      zoomFactor: zoom,
    },
  });
  try {
    const wc = win.webContents;
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    await wc.executeJavaScript('document.fonts.ready.then(() => true)');
    if (format === 'pdf') {
      const pdf = await wc.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    }
    // The whole page: the window grown to the content's height, then captured at its device pixels.
    const height = Number(await wc.executeJavaScript('Math.ceil(document.documentElement.scrollHeight)')) || 1200;
    win.setContentSize(PAGE_WIDTH * zoom, Math.min(height * zoom, 16_000));
    await frame();
    const image = await wc.capturePage();
    return new Uint8Array(image.toPNG());
  } finally {
    win.destroy();
  }
}

/** One record at a time (each in a fresh window, closed when done). */
export function windowRenderer(): PageRenderer {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    render(html, format) {
      const next = queue.then(() => renderOnce(html, format));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
    },
  };
}

import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY } from './protocol';

export const WINDOW_TITLE = 'VShip 虚拟发货助手';

/** The one main window: sandboxed renderer, isolated context, only our preload. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1000,
    minHeight: 640,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      preload: join(__dirname, 'preload.cjs'),
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_e, details) => {
    console.error(`[vship] renderer gone: ${details.reason} (exit ${details.exitCode})`);
  });
  void win.loadURL(APP_ENTRY);
  return win;
}

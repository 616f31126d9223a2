/**
 * The Electron shell of VShip: one window, one bridge to the core, nothing else. All business
 * logic lives in main/core behind the handler table; this file only wires the desktop up.
 */
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, resolveDataDir } from '../core/data-dir';
import { toSystemError } from '../core/system-errors';
import { openCore, VERSION, type Core } from '../handlers';
import { mountBridge, sendEvent } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer, type EvidenceReader } from './protocol';
import { windowRenderer } from './render-window';
import { lockDownSession, lockDownWebContents } from './security';
import { createMainWindow, WINDOW_TITLE } from './window';

// The clock override (VSHIP_NOW, main/core/services/clock.ts) is for tests and for trying a
// scenario from the CLI or browser mode; the installed app always runs on the real clock, so a
// stray variable on a merchant's PC can never date their deliveries wrongly.
if (app.isPackaged) delete process.env.VSHIP_NOW;
// A development checkout keeps Electron's build of better-sqlite3 beside Node's own
// (build/scripts/electron-sqlite.cjs, `npm run rebuild:electron`); the core and its workers load it
// through VSHIP_SQLITE_BINDING. The installed app's node_modules are built for Electron already.
delete process.env.VSHIP_SQLITE_BINDING;
if (!app.isPackaged) {
  const binding = join(app.getAppPath(), 'native', `electron-abi${process.versions.modules}`, 'better_sqlite3.node');
  if (existsSync(binding)) process.env.VSHIP_SQLITE_BINDING = binding;
}

const dataDir = resolveDataDir(process.argv, process.env);

app.setName(WINDOW_TITLE);
app.setAppUserModelId('com.vship.desktop');
// A custom data folder gets its own Chromium profile, so the single-instance lock is per data
// folder (tests and a second shop folder run side by side) and the default profile is untouched.
if (dataDir !== defaultDataDir(process.env)) app.setPath('userData', join(dataDir, 'electron-profile'));
app.enableSandbox();
registerAppScheme();
lockDownWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | undefined;
  let win: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = undefined;
  });

  app.whenReady().then(() => {
    try {
      mkdirSync(dataDir, { recursive: true });
      core = openCore({ dataDir, host: 'electron', workerPath: join(__dirname, 'job-worker.cjs'), pageRenderer: windowRenderer() });
    } catch (err) {
      console.error('[vship] cannot open the data folder:', err);
      const known = toSystemError(err, { dataDir });
      dialog.showErrorBox('VShip 无法启动', `无法打开数据文件夹：\n${dataDir}\n\n${known ? known.message : err instanceof Error ? err.message : String(err)}`);
      app.exit(1);
      return;
    }

    lockDownSession(session.defaultSession);
    const opened = core;
    serveRenderer(join(__dirname, '..', 'renderer'), (id) => opened.dispatch('evidence.file', { id }, () => undefined) as ReturnType<EvidenceReader>);
    mountBridge(core, () => win?.webContents);

    Menu.setApplicationMenu(
      buildMenu({
        devTools: !app.isPackaged,
        importOrders: () => win && sendEvent(win.webContents, 'menu.import', null),
        openDataFolder: () => void shell.openPath(dataDir),
        showAbout: () => void showAbout(win),
      }),
    );

    win = createMainWindow();
    win.on('closed', () => (win = undefined));
  }).catch((err: unknown) => {
    console.error('[vship] failed to start:', err);
    app.exit(1);
  });
}

async function showAbout(parent: BrowserWindow | undefined): Promise<void> {
  const options = {
    type: 'info' as const,
    title: '关于 VShip',
    message: WINDOW_TITLE,
    detail: [
      `版本 ${VERSION}（Electron ${process.versions.electron}）`,
      `数据文件夹：${dataDir}`,
      '',
      '完全离线运行：订单、卡密与发货凭证只保存在这台电脑上。',
    ].join('\n'),
    buttons: ['确定'],
  };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

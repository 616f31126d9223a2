// `npm start` after the build: the desktop app when the Electron binary is installed, otherwise
// browser mode (the same UI served on 127.0.0.1) opened in the default browser.
// Arguments pass through, e.g. `npm start -- --data-dir D:\店铺数据`.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import electronBinaryModule from './electron-binary.cjs';
import electronSqliteModule from './electron-sqlite.cjs';

const { electronBinary } = electronBinaryModule;
const { electronSqlite, ELECTRON_SQLITE_HELP } = electronSqliteModule;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

/** Runs a child to completion, forwarding Ctrl+C / termination, and exits with its code. */
function supervise(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(err.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function openInBrowser(url) {
  const [cmd, cmdArgs] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]]
    : process.platform === 'darwin' ? ['open', [url]]
    : ['xdg-open', [url]];
  // Without a display xdg-open may start a text browser in this terminal: don't.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  try {
    const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

let electron = electronBinary();
const electronFound = electron !== null;
if (electron && !electronSqlite(electron, root).ok) {
  console.log('已安装 Electron，但还没有为 Electron 编译的 better-sqlite3，桌面外壳无法加载它。');
  console.log('  运行一次 `npm run rebuild:electron`（需要联网），它编译到 native/，与 Node 版并存，之后再 `npm start`。');
  console.log(`${ELECTRON_SQLITE_HELP}\n`);
  electron = null;
}
if (electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node and ignore the app
  supervise(spawn(electron, [join(root, 'out', 'main', 'app.cjs'), ...args], { stdio: 'inherit', env }));
} else {
  if (!electronFound) {
    console.log('未安装 Electron 桌面外壳，改为浏览器模式启动（同一界面，运行在本机 127.0.0.1）。');
    console.log('The Electron desktop shell is not installed; starting browser mode (same UI, on 127.0.0.1).');
  } else {
    console.log('改为浏览器模式启动（同一界面，运行在本机 127.0.0.1）。 / Starting browser mode instead (same UI, on 127.0.0.1).');
  }
  const noOpen = args.includes('--no-open');
  const hostArgs = noOpen ? args : [...args, '--no-open']; // this script opens the browser itself
  const host = spawn(process.execPath, [join(root, 'out', 'main', 'web.cjs'), ...hostArgs], { stdio: ['inherit', 'pipe', 'inherit'] });
  supervise(host);
  let pending = '';
  let announced = false;
  host.stdout.setEncoding('utf8');
  host.stdout.on('data', (text) => {
    process.stdout.write(text);
    if (announced) return;
    pending += text;
    const match = /^VSHIP_URL=(\S+)/m.exec(pending);
    if (!match) return;
    announced = true;
    pending = '';
    const url = match[1];
    console.log(`\n浏览器模式已启动 / Browser mode is running:\n  ${url}`);
    if (!noOpen && openInBrowser(url)) console.log('已在默认浏览器中打开 / Opened in your default browser.');
    else console.log('请在浏览器中打开上面的地址 / Open the address above in a browser.');
    console.log('按 Ctrl+C 退出 / Press Ctrl+C to stop.\n');
  });
}

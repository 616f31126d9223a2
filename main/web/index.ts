/**
 * `node out/main/web.cjs [--data-dir DIR] [--port N] [--no-open]` — browser mode. Prints
 * `VSHIP_URL=<address>` on stdout (tests and the launcher read it) and opens it when it can.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { resolveDataDir } from '../core/data-dir';
import { openCore } from '../handlers';
import { startWebHost } from './server';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 0;
  const dataDir = resolveDataDir(argv, process.env);
  const core = openCore({ dataDir, host: 'web', workerPath: join(__dirname, 'job-worker.cjs') });
  const host = await startWebHost(core, { staticDir: join(__dirname, '..', 'renderer'), port });
  process.stdout.write(`VShip 浏览器模式已启动 / browser mode running\n数据文件夹 / data folder: ${dataDir}\nVSHIP_URL=${host.url}\n`);
  if (!argv.includes('--no-open') && !process.env.CI) openBrowser(host.url);
  const stop = () => { void host.close().then(() => { core.close(); process.exit(0); }); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const p = spawn(cmd, args, { stdio: 'ignore', detached: true });
    p.on('error', () => undefined);
    p.unref();
  } catch {
    /* no browser here: the printed address is enough */
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`VShip 启动失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

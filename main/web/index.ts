/**
 * `node out/main/web.cjs [--data-dir DIR] [--port N] [--no-open] [--read-only]` — browser mode.
 * Prints `VSHIP_URL=<address>` on stdout (tests and the launcher read it) and opens it when it
 * can. `--help` prints the usage and exits; an unknown option is refused (exit 2) rather than
 * starting a server on the default data folder.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../core/data-dir';
import { toSystemError } from '../core/system-errors';
import { openCore } from '../handlers';
import { MAX_BODY_BYTES, startWebHost } from './server';

const HELP = `用法 / usage: node out/main/web.cjs [选项 / options]

VShip 浏览器模式：在 127.0.0.1 上启动本机服务，在浏览器中打开 VShip。
Browser mode: serves VShip on 127.0.0.1 and opens it in the browser.

选项 / options:
  --data-dir <目录>   数据文件夹（默认：系统应用数据目录下的 VShip，或环境变量 VSHIP_DATA_DIR）
                      data folder (default: VShip in the OS app-data folder, or VSHIP_DATA_DIR)
  --port <端口>       监听端口（默认：随机）/ port to listen on (default: random)
  --no-open           不自动打开浏览器 / do not open the browser
  --read-only         只读打开数据文件夹：只能查看，不能修改 / open the data folder for viewing only
  -h, --help          显示帮助 / show this help

一次请求最多 ${MAX_BODY_BYTES / 1024 / 1024} MB；更大的订单导出请用桌面版或 vship import。
A request carries at most ${MAX_BODY_BYTES / 1024 / 1024} MB; import larger exports with the desktop app or vship import.
`;

interface WebArgs { dataDir: string | undefined; port: number; open: boolean; readOnly: boolean; help: boolean }

class UsageError extends Error {}

const OPTIONS = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
  'read-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The command line, strictly (node:util parseArgs, as the CLI parses its own): every option is
 * one of HELP's, every value present and well-formed, no stray words.
 */
export function parseWebArgs(argv: readonly string[]): WebArgs {
  let values: { 'data-dir'?: string; port?: string; 'no-open'?: boolean; 'read-only'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const said = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? '未知选项' : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? '多余的参数' : '选项缺少值或值不对';
    throw new UsageError(`${said} / ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const name of ['data-dir', 'port'] as const) {
    if (values[name] === '') throw new UsageError(`选项 --${name} 需要一个值 / --${name} needs a value`);
  }
  const v = values.port;
  if (v !== undefined && (!/^\d+$/.test(v) || Number(v) > 65535)) throw new UsageError(`端口无效 / bad port: ${v}`);
  return { dataDir: values['data-dir'], port: v === undefined ? 0 : Number(v), open: !values['no-open'], readOnly: !!values['read-only'], help: !!values.help };
}

async function main(): Promise<void> {
  let args: WebArgs;
  try {
    args = parseWebArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`错误 / error: ${e.message}\n运行 node out/main/web.cjs --help 查看用法 / run with --help for usage\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const dataDir = resolveDataDir(args.dataDir === undefined ? [] : ['--data-dir', args.dataDir], process.env);
  const core = openCore({ dataDir, host: 'web', workerPath: join(__dirname, 'job-worker.cjs'), readOnly: args.readOnly });
  const host = await startWebHost(core, { staticDir: join(__dirname, '..', 'renderer'), port: args.port });
  const mode = core.readOnly ? '（只读 / read-only）' : '';
  process.stdout.write(`VShip 浏览器模式已启动 / browser mode running\n数据文件夹 / data folder: ${dataDir}${mode}\nVSHIP_URL=${host.url}\n`);
  if (args.open && !process.env.CI) openBrowser(host.url);
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
  const known = toSystemError(e);
  process.stderr.write(`VShip 启动失败：${known ? known.message : e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

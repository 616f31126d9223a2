/**
 * `vship` — the command line over the same handler table as the app. Every command takes
 * `--data-dir DIR` (or VSHIP_DATA_DIR) and `--json`. Exit code 1 on bad input, with a Chinese
 * message on stderr and, with --json, {"error":{code,message}} on stdout.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Channel, Req, Res } from '../../shared/contract';
import type { Order, Shop } from '../../shared/domain';
import { REASONS } from '../../shared/domain';
import { AppError, type AppErrorData } from '../../shared/errors';
import { resolveDataDir } from '../core/data-dir';
import { openCore, VERSION, type Core } from '../handlers';

const HELP = `VShip 虚拟发货助手 ${VERSION} — 命令行

用法:
  vship import <文件>... [--shop 店铺名]      导入拼多多订单导出文件（.csv / .xlsx / .zip）
  vship orders [--shippable | --blocked] [--shop 店铺名]
                                            列出订单（默认按承诺发货时间，最紧急在前）
  vship shops                               列出店铺
  vship shops add <店铺名>                   新建店铺

通用选项:
  --data-dir <目录>   数据文件夹（默认：系统应用数据目录下的 VShip，或环境变量 VSHIP_DATA_DIR）
  --json             以 JSON 输出（便于脚本处理）
  -h, --help         显示帮助
`;

class CliError extends Error {
  constructor(readonly data: AppErrorData) { super(data.message); }
}

interface Args { positional: string[]; flags: Map<string, string | true> }

const VALUE_FLAGS = new Set(['--data-dir', '--shop']);

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && a.includes('=')) {
      const k = a.slice(0, a.indexOf('='));
      flags.set(k, a.slice(a.indexOf('=') + 1));
    } else if (VALUE_FLAGS.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new CliError({ code: 'INVALID_REQUEST', message: `选项 ${a} 需要一个值` });
      flags.set(a, v);
    } else if (a.startsWith('-') && a.length > 1) flags.set(a, true);
    else positional.push(a);
  }
  return { positional, flags };
}

async function call<C extends Channel>(core: Core, channel: C, req: Req<C>, onEvent?: (e: string, p: unknown) => void): Promise<Res<C>> {
  const r = await core.dispatch(channel, req, onEvent ?? (() => undefined));
  if (!r.ok) throw new CliError(r.error);
  return r.value as Res<C>;
}

async function resolveShop(core: Core, name: string | undefined, create: boolean): Promise<Shop> {
  const shops = await call(core, 'shops.list', undefined);
  if (name === undefined) {
    const s = await call(core, 'settings.get', undefined);
    return shops.find((x) => x.id === s.currentShopId) ?? shops[0];
  }
  const found = shops.find((x) => x.name === name.trim());
  if (found) return found;
  if (!create) throw new CliError(new AppError('SHOP_NOT_FOUND', { detail: name }).toData());
  return call(core, 'shops.create', { name });
}

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

/** Order as `vship orders --json` gives it (a stable, documented subset plus the rest of the record). */
function orderJson(o: Order) {
  return {
    orderNo: o.orderNo, status: o.status, afterSale: o.afterSale, shippable: o.shippable, reason: o.reason,
    reasonText: o.reason ? REASONS[o.reason] : null, damaged: o.damaged,
    productName: o.productName, productId: o.productId, spec: o.spec, styleId: o.styleId, skuCode: o.skuCode,
    quantity: o.quantity, paidCents: o.paidCents, paidAt: o.paidAt, shipBy: o.shipBy, rechargeNo: o.rechargeNo,
    buyerMemo: o.buyerMemo, merchantMemo: o.merchantMemo, province: o.province, city: o.city,
  };
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const json = args.flags.has('--json');
  const [cmd, ...rest] = args.positional;
  if (!cmd || args.flags.has('-h') || args.flags.has('--help')) {
    out(HELP);
    return cmd ? 0 : (args.flags.has('-h') || args.flags.has('--help') ? 0 : 1);
  }
  if (cmd === 'version' || args.flags.has('--version')) { out(VERSION); return 0; }
  const dataDir = resolveDataDir(argv, process.env);
  const known = ['import', 'orders', 'shops'];
  if (!known.includes(cmd)) throw new CliError({ code: 'INVALID_REQUEST', message: `未知命令「${cmd}」。运行 vship --help 查看用法` });
  const core = openCore({ dataDir, host: 'cli', workerPath: join(__dirname, 'import-worker.cjs') });
  try {
    switch (cmd) {
      case 'import': return await cmdImport(core, rest, args, json);
      case 'orders': return await cmdOrders(core, args, json);
      case 'shops': return await cmdShops(core, rest, json);
    }
    return 1;
  } finally {
    core.close();
  }
}

async function cmdImport(core: Core, files: string[], args: Args, json: boolean): Promise<number> {
  if (files.length === 0) throw new CliError({ code: 'INVALID_REQUEST', message: '请指定要导入的文件：vship import <文件>...' });
  const payload = files.map((p) => {
    try {
      return { name: basename(p), path: p, bytes: new Uint8Array(readFileSync(p)) };
    } catch {
      throw new CliError({ code: 'INVALID_REQUEST', message: `文件「${p}」无法读取（不存在或没有权限）`, file: p });
    }
  });
  const shopName = args.flags.get('--shop');
  const shop = await resolveShop(core, typeof shopName === 'string' ? shopName : undefined, true);
  const tty = process.stderr.isTTY && !json;
  const s = await call(core, 'orders.import', { shopId: shop.id, files: payload }, (e, p) => {
    if (!tty || e !== 'import.progress') return;
    const pr = p as { file: string; phase: string; done: number; total: number | null };
    process.stderr.write(`\r${pr.phase === 'read' ? '读取' : pr.phase === 'write' ? '写入' : '完成'} ${pr.file}: ${pr.done}${pr.total ? '/' + pr.total : ''}   `);
  });
  if (tty) process.stderr.write('\n');
  if (json) {
    out(JSON.stringify({ shop: shop.name, read: s.read, new: s.new, updated: s.updated, unchanged: s.unchanged, damaged: s.damaged, shippable: s.shippable, notShippable: s.notShippable, files: s.files, durationMs: s.durationMs }));
  } else {
    for (const f of s.files) {
      out(`${f.file}（${f.format.toUpperCase()}${f.encoding ? '，' + f.encoding : ''}）：${f.rows} 行，${f.read} 个订单`);
      for (const w of f.warnings) out(`  注意：${w}`);
    }
    out(`店铺「${shop.name}」：读取 ${s.read}，新增 ${s.new}，更新 ${s.updated}，未变 ${s.unchanged}，损坏 ${s.damaged}；可发货 ${s.shippable}，不可发货 ${s.notShippable}（用时 ${(s.durationMs / 1000).toFixed(1)} 秒）`);
  }
  return 0;
}

async function cmdOrders(core: Core, args: Args, json: boolean): Promise<number> {
  const shopName = args.flags.get('--shop');
  const shop = await resolveShop(core, typeof shopName === 'string' ? shopName : undefined, false);
  const filter = args.flags.has('--shippable') ? 'shippable' : args.flags.has('--blocked') ? 'blocked' : 'all';
  const rows: Order[] = [];
  for (let offset = 0; ; offset += 100_000) {
    const page = await call(core, 'orders.list', { shopId: shop.id, filter, offset, limit: 100_000 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  if (json) {
    out(JSON.stringify(rows.map(orderJson)));
    return 0;
  }
  if (rows.length === 0) { out(`店铺「${shop.name}」没有${filter === 'all' ? '' : filter === 'shippable' ? '可发货的' : '不可发货的'}订单`); return 0; }
  for (const o of rows) {
    const verdict = o.shippable ? '可发货' : `不可发货：${o.reason ? REASONS[o.reason] : ''}`;
    out([o.orderNo, o.status, verdict, o.productName, o.spec, `×${o.quantity}`, o.shipBy ? `承诺 ${o.shipBy.replace('T', ' ').slice(0, 16)}` : ''].filter(Boolean).join('  '));
  }
  out(`共 ${rows.length} 个订单`);
  return 0;
}

async function cmdShops(core: Core, rest: string[], json: boolean): Promise<number> {
  if (rest[0] === 'add') {
    if (!rest[1]) throw new CliError({ code: 'INVALID_REQUEST', message: '请指定店铺名：vship shops add <店铺名>' });
    const s = await call(core, 'shops.create', { name: rest[1] });
    out(json ? JSON.stringify(s) : `已新建店铺「${s.name}」（编号 ${s.id}）`);
    return 0;
  }
  const shops = await call(core, 'shops.list', undefined);
  const cur = (await call(core, 'settings.get', undefined)).currentShopId;
  if (json) out(JSON.stringify(shops.map((s) => ({ ...s, current: s.id === cur }))));
  else for (const s of shops) out(`${s.id === cur ? '*' : ' '} ${s.id}  ${s.name}`);
  return 0;
}

const argv = process.argv.slice(2);
run(argv).then((code) => { process.exitCode = code; }, (e: unknown) => {
  const data: AppErrorData = e instanceof CliError ? e.data : e instanceof AppError ? e.toData() : { code: 'INTERNAL', message: `内部错误：${e instanceof Error ? e.message : String(e)}` };
  if (argv.includes('--json')) process.stdout.write(JSON.stringify({ error: data }) + '\n');
  process.stderr.write(`错误：${data.message}\n`);
  process.exitCode = 1;
});

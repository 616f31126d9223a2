/**
 * `vship` — the command line over the same handler table as the app. Every command takes
 * `--data-dir DIR` (or VSHIP_DATA_DIR) and `--json`. Exit code 1 on bad input, with a Chinese
 * message on stderr and, with --json, {"error":{code,message}} on stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Channel, Req, Res } from '../../shared/contract';
import type { DeliveryKind, Order, ProductTerms, Shop } from '../../shared/domain';
import { DELIVERY_KINDS, REASONS, STOCKED_KINDS } from '../../shared/domain';
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
  vship products                            商品列表（发货方式、条款、库存、待发订单）
  vship product set <商品键> --kind card|code|account|recharge|stored-value|service|travel|custom
        [--rental-days N] [--valid-days N | --valid-until YYYY-MM-DD] [--fulfil-days N]
        [--region 江苏,浙江] [--ship-hours 24|48 | --ship-days N] [--items-per-unit N]
        [--min-validity-days N] [--brand-approved] [--low-stock N] [--template 文本] [--accept]
                                            设置商品的发货方式与条款（--accept 采纳系统建议）
  vship stock import <文件> --product <商品键> [--sep ----|'|'|tab|,|space] [--expires YYYY-MM-DD]
                                            导入卡密/激活码/账号到商品库存（整批成功或整批不导入）
  vship stock [--product <商品键>]            库存水平：可用、已预留、已发货、已过期、已作废、缺口
  vship stock void|restore --batch N | --items 1,2,3   作废未使用的条目 / 从回收站恢复
  vship stock move --batch N | --items 1,2,3 --to <商品键>  把未使用的条目移到另一个商品
  vship fill                                按承诺发货时间从库存自动填充可发货订单
  vship fill --undo                         撤销上一次填充（未导出时）
  vship assign <订单号> <卡密>...             手工填入（如 "卡号----密码"，数量须与订单一致）
  vship unassign <订单号>                     撤回订单内容（未导出退回库存，已导出则隔离）
  vship recharge <订单号> [--ref 供应商单号]    标记直充订单已充值
  vship messages [--out 文件.csv]            生成发货消息（订单号, 发货内容）
  vship orders --json [--reveal]            订单含已填内容；--reveal 显示完整卡密（记录在台账）

通用选项:
  --data-dir <目录>   数据文件夹（默认：系统应用数据目录下的 VShip，或环境变量 VSHIP_DATA_DIR）
  --json             以 JSON 输出（便于脚本处理）
  -h, --help         显示帮助
`;

class CliError extends Error {
  constructor(readonly data: AppErrorData) { super(data.message); }
}

interface Args { positional: string[]; flags: Map<string, string | true> }

const VALUE_FLAGS = new Set(['--data-dir', '--shop', '--kind', '--rental-days', '--valid-days', '--valid-until', '--fulfil-days', '--region',
  '--ship-hours', '--ship-days', '--items-per-unit', '--min-validity-days', '--low-stock', '--template', '--product', '--sep', '--expires',
  '--batch', '--items', '--to', '--ref', '--out']);

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
    const s = await call(core, 'shops.getSettings', undefined);
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
  const known = ['import', 'orders', 'shops', 'products', 'product', 'stock', 'fill', 'assign', 'unassign', 'recharge', 'messages'];
  if (!known.includes(cmd)) throw new CliError({ code: 'INVALID_REQUEST', message: `未知命令「${cmd}」。运行 vship --help 查看用法` });
  const core = openCore({ dataDir, host: 'cli', workerPath: join(__dirname, 'job-worker.cjs') });
  try {
    switch (cmd) {
      case 'import': return await cmdImport(core, rest, args, json);
      case 'orders': return await cmdOrders(core, args, json);
      case 'shops': return await cmdShops(core, rest, json);
      case 'products': return await cmdProducts(core, args, json);
      case 'product': return await cmdProductSet(core, rest, args, json);
      case 'stock': return await cmdStock(core, rest, args, json);
      case 'fill': return await cmdFill(core, args, json);
      case 'assign': case 'unassign': case 'recharge': return await cmdAssign(core, cmd, rest, args, json);
      case 'messages': return await cmdMessages(core, args, json);
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
  const s = await call(core, 'import.orders', { shopId: shop.id, files: payload }, (e, p) => {
    if (!tty || e !== 'job.progress') return;
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
    const reveal = args.flags.has('--reveal');
    const filled = rows.filter((x) => x.items.length).map((x) => x.orderNo);
    // One recorded reveal for the whole listing, not one per order.
    const full: Record<string, unknown> = reveal && filled.length ? await call(core, 'allocation.revealMany', { shopId: shop.id, orderNos: filled }) : {};
    out(JSON.stringify(rows.map((o) => ({ ...orderJson(o), items: reveal && o.items.length ? full[o.orderNo] : o.items.map((i) => ({ id: i.itemId, kind: i.kind, masked: i.masked, rentalUntil: i.rentalUntil, expiresAt: i.expiresAt })) }))));
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
  const cur = (await call(core, 'shops.getSettings', undefined)).currentShopId;
  if (json) out(JSON.stringify(shops.map((s) => ({ ...s, current: s.id === cur }))));
  else for (const s of shops) out(`${s.id === cur ? '*' : ' '} ${s.id}  ${s.name}`);
  return 0;
}

function str(args: Args, flag: string): string | undefined {
  const v = args.flags.get(flag);
  return typeof v === 'string' ? v : undefined;
}

function num(args: Args, flag: string): number | undefined {
  const v = str(args, flag);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CliError({ code: 'INVALID_REQUEST', message: `选项 ${flag} 需要一个非负整数，收到「${v}」` });
  return n;
}

async function cmdProducts(core: Core, args: Args, json: boolean): Promise<number> {
  const shop = await resolveShop(core, str(args, '--shop'), false);
  const products = await call(core, 'products.list', { shopId: shop.id });
  if (json) {
    out(JSON.stringify(products.map((p) => ({
      skuKey: p.skuKey, title: p.title, spec: p.spec, productId: p.productId, kind: p.kind, confirmed: p.confirmed, terms: p.terms,
      suggestion: p.suggestion, waiting: p.waiting, waitingUnits: p.waitingUnits, available: p.levels.available, levels: p.levels,
      shortage: p.shortage, lowStock: p.lowStock,
    }))));
    return 0;
  }
  if (!products.length) { out('还没有商品：先导入订单（vship import <文件>）'); return 0; }
  for (const p of products) {
    const kind = p.kind ? DELIVERY_KINDS[p.kind] : '未设置';
    const mark = p.confirmed ? '' : '（建议，未确认）';
    const short = p.shortage ? `  缺 ${p.shortage}` : '';
    out(`${p.skuKey}  ${p.title} ${p.spec}  [${kind}${mark}]  待发 ${p.waiting} 单  可用 ${p.levels.available}${short}`);
  }
  return 0;
}

async function cmdProductSet(core: Core, rest: string[], args: Args, json: boolean): Promise<number> {
  if (rest[0] !== 'set' || !rest[1]) throw new CliError({ code: 'INVALID_REQUEST', message: '用法：vship product set <商品键> --kind ...' });
  const shop = await resolveShop(core, str(args, '--shop'), false);
  const kind = str(args, '--kind');
  if (kind !== undefined && !(kind in DELIVERY_KINDS)) throw new CliError({ code: 'INVALID_REQUEST', message: `--kind 只能是 ${Object.keys(DELIVERY_KINDS).join('|')}` });
  const shipHours = num(args, '--ship-hours');
  if (shipHours !== undefined && shipHours !== 24 && shipHours !== 48) throw new CliError({ code: 'INVALID_REQUEST', message: '--ship-hours 只能是 24 或 48' });
  const terms: ProductTerms = {
    rentalDays: num(args, '--rental-days'), validDays: num(args, '--valid-days'), validUntil: str(args, '--valid-until'),
    fulfilDays: num(args, '--fulfil-days'), region: str(args, '--region')?.split(/[,，、]/).map((x) => x.trim()).filter(Boolean),
    shipHours: shipHours as 24 | 48 | undefined, shipDays: num(args, '--ship-days'), itemsPerUnit: num(args, '--items-per-unit'),
    minValidityDays: num(args, '--min-validity-days'), messageTemplate: str(args, '--template'),
    brandApproved: args.flags.has('--brand-approved') ? true : undefined,
  };
  for (const k of Object.keys(terms) as (keyof ProductTerms)[]) if (terms[k] === undefined) delete terms[k];
  const p = await call(core, 'products.set', {
    shopId: shop.id, skuKey: rest[1], kind: kind as DeliveryKind | undefined, terms: Object.keys(terms).length ? terms : undefined,
    lowStock: num(args, '--low-stock'), acceptSuggestion: args.flags.has('--accept') || undefined,
  });
  out(json ? JSON.stringify(p) : `已设置「${p.title} ${p.spec}」：${p.kind ? DELIVERY_KINDS[p.kind] : '未设置'} ${JSON.stringify(p.terms)}`);
  return 0;
}

const SEP_NAMES: Record<string, string> = { tab: '\t', space: ' ', '----': '----', '|': '|', ',': ',', auto: 'auto' };

function selection(args: Args, shopId: number): { shopId: number; batchId?: number; itemIds?: number[] } {
  const batchId = num(args, '--batch');
  const items = str(args, '--items')?.split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x > 0);
  if (!batchId && !items?.length) throw new CliError({ code: 'INVALID_REQUEST', message: '请用 --batch N 或 --items 1,2,3 指定条目' });
  return { shopId, batchId, itemIds: items };
}

async function cmdStock(core: Core, rest: string[], args: Args, json: boolean): Promise<number> {
  const shop = await resolveShop(core, str(args, '--shop'), false);
  const sub = rest[0];
  if (sub === 'import') {
    const file = rest[1];
    const sku = str(args, '--product');
    if (!file || !sku) throw new CliError({ code: 'INVALID_REQUEST', message: '用法：vship stock import <文件> --product <商品键>' });
    let bytes: Uint8Array;
    try { bytes = new Uint8Array(readFileSync(file)); } catch { throw new CliError({ code: 'INVALID_REQUEST', message: `文件「${file}」无法读取（不存在或没有权限）`, file }); }
    const sepArg = str(args, '--sep');
    const sep = sepArg === undefined ? 'auto' : SEP_NAMES[sepArg];
    if (!sep) throw new CliError({ code: 'INVALID_REQUEST', message: `--sep 只能是 ----、|、tab、,、space` });
    const r = await call(core, 'stock.import', { shopId: shop.id, skuKey: sku, file: { name: basename(file), bytes, path: file }, sep: sep as never, expiresAt: str(args, '--expires') ?? null });
    if (json) out(JSON.stringify({ added: r.added, batchId: r.batchId, sep: r.sep, duplicates: r.duplicates.map((d) => ({ line: d.line, where: d.where })), rejected: r.rejected }));
    else {
      for (const x of r.rejected) out(`第 ${x.line} 行：${x.reason}`);
      for (const d of r.duplicates) out(`第 ${d.line} 行：重复（${d.where === 'file' ? '文件内已出现' : '店铺历史中已有'}）${d.masked}`);
      out(r.rejected.length ? `有 ${r.rejected.length} 行无法识别，本次没有导入任何条目` : `已导入 ${r.added} 条（批次 ${r.batchId ?? '-'}），跳过重复 ${r.duplicates.length} 条`);
    }
    return r.rejected.length ? 1 : 0;
  }
  if (sub === 'void' || sub === 'restore' || sub === 'move') {
    const sel = selection(args, shop.id);
    let r: object;
    if (sub === 'void') r = await call(core, 'stock.void', sel);
    else if (sub === 'restore') r = await call(core, 'stock.restore', sel);
    else {
      const to = str(args, '--to');
      if (!to) throw new CliError({ code: 'INVALID_REQUEST', message: '请用 --to <商品键> 指定目标商品' });
      r = await call(core, 'stock.move', { ...sel, toSkuKey: to });
    }
    out(json ? JSON.stringify(r) : JSON.stringify(r));
    return 0;
  }
  if (sub !== undefined) throw new CliError({ code: 'INVALID_REQUEST', message: `未知的 stock 子命令「${sub}」` });
  const sku = str(args, '--product');
  const products = (await call(core, 'products.list', { shopId: shop.id })).filter((p) => (sku ? p.skuKey === sku : p.kind !== null && STOCKED_KINDS.includes(p.kind)));
  if (sku && !products.length) throw new CliError(new AppError('PRODUCT_NOT_FOUND', { detail: sku }).toData());
  const rows = products.map((p) => ({ skuKey: p.skuKey, title: p.title, ...p.levels, shortage: p.shortage, waiting: p.waiting }));
  if (json) out(JSON.stringify(rows));
  else for (const r of rows) out(`${r.skuKey}  ${r.title}  可用 ${r.available}  预留 ${r.reserved}  已发 ${r.delivered}  过期 ${r.expired}  作废 ${r.voided}${r.shortage ? `  缺 ${r.shortage}` : ''}`);
  return 0;
}

async function cmdFill(core: Core, args: Args, json: boolean): Promise<number> {
  const shop = await resolveShop(core, str(args, '--shop'), false);
  if (args.flags.has('--undo')) {
    const r = await call(core, 'allocation.undoFill', { shopId: shop.id });
    out(json ? JSON.stringify(r) : r.fillId ? `已撤销第 ${r.fillId} 次填充，退回库存 ${r.released} 条` : '没有可撤销的填充');
    return 0;
  }
  const r = await call(core, 'allocation.fill', { shopId: shop.id });
  if (json) { out(JSON.stringify({ fillId: r.fillId, filled: r.filled, items: r.items, short: r.short, skipped: r.skipped })); return 0; }
  out(`已填充 ${r.filled} 个订单（${r.items} 条），缺货 ${r.short.length} 个，跳过 ${r.skipped.length} 个`);
  for (const x of r.short.slice(0, 50)) out(`  缺货 ${x.orderNo}: 需要 ${x.need}, 可用 ${x.available}`);
  const reasons = new Map<string, number>();
  for (const x of r.skipped) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
  for (const [k, n] of reasons) out(`  跳过 ${n} 个：${k}`);
  return 0;
}

async function cmdAssign(core: Core, cmd: string, rest: string[], args: Args, json: boolean): Promise<number> {
  const shop = await resolveShop(core, str(args, '--shop'), false);
  const [orderNo, ...items] = rest;
  if (!orderNo) throw new CliError({ code: 'INVALID_REQUEST', message: `用法：vship ${cmd} <订单号>${cmd === 'assign' ? ' <卡密>...' : ''}` });
  let r: unknown;
  if (cmd === 'assign') {
    if (!items.length) throw new CliError({ code: 'INVALID_REQUEST', message: '请给出要填入的卡密/激活码/账号' });
    r = await call(core, 'allocation.assign', { shopId: shop.id, orderNo, items });
  } else if (cmd === 'unassign') r = await call(core, 'allocation.unassign', { shopId: shop.id, orderNo });
  else r = await call(core, 'allocation.recharged', { shopId: shop.id, orderNo, ref: str(args, '--ref') });
  out(json ? JSON.stringify(r) : cmd === 'unassign' ? `已撤回：退回库存 ${(r as { released: number }).released} 条，隔离 ${(r as { quarantined: number }).quarantined} 条` : `已填入 ${orderNo}：${(r as { masked: string }[]).map((i) => i.masked).join('，')}`);
  return 0;
}

async function cmdMessages(core: Core, args: Args, json: boolean): Promise<number> {
  const shop = await resolveShop(core, str(args, '--shop'), false);
  const file = str(args, '--out');
  if (file) {
    const r = await call(core, 'messages.export', { shopId: shop.id });
    writeFileSync(file, r.bytes);
    out(json ? JSON.stringify({ out: file, count: r.count }) : `已写出 ${r.count} 条发货消息到 ${file}`);
    return 0;
  }
  const m = await call(core, 'messages.list', { shopId: shop.id });
  if (json) out(JSON.stringify(m));
  else for (const x of m) out(`${x.orderNo}\t${x.message.replace(/\n/g, ' / ')}`);
  return 0;
}

const argv = process.argv.slice(2);
run(argv).then((code) => { process.exitCode = code; }, (e: unknown) => {
  const data: AppErrorData = e instanceof CliError ? e.data : e instanceof AppError ? e.toData() : { code: 'INTERNAL', message: `内部错误：${e instanceof Error ? e.message : String(e)}` };
  if (argv.includes('--json')) process.stdout.write(JSON.stringify({ error: data }) + '\n');
  process.stderr.write(`错误：${data.message}\n`);
  process.exitCode = 1;
});

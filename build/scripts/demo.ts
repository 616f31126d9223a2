/**
 * `npm run demo`: the main job from end to end, on a fresh data folder, without Electron.
 *
 *   tsx build/scripts/demo.ts [--out DIR] [--count N] [--seed N]
 *
 * Generates a realistic order export and stock files (the test fixture generator, tests/fixtures),
 * then drives the built CLI (bin/vship.cjs) through import → products → stock → fill → check →
 * export, printing each step in Chinese and short English and where the files are. Everything goes
 * to DIR (default ./demo-output): input/ (the generated files), data/ (VShip's data folder), and
 * the shipment file with its messages and exceptions files. DIR is emptied first, but only when it
 * is a previous demo's (it holds .vship-demo) or empty.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generateOrders, toCsv } from '../../tests/fixtures/orders';
import { accountText, accounts, cardText, cards, codeText, codes } from '../../tests/fixtures/stock';
import { skuKey } from '../../shared/rules/sku-key';
import { stockShape } from '../../shared/rules/stock-shape';

const ROOT = resolve(__dirname, '..', '..');
const VSHIP = join(ROOT, 'bin', 'vship.cjs');
const MARKER = '.vship-demo';

interface Args { out: string; count: number; seed: number }

function parseArgs(argv: string[]): Args {
  const usage = 'usage: npm run demo -- [--out DIR] [--count N] [--seed N]';
  const a: Args = { out: join(process.cwd(), 'demo-output'), count: 60, seed: 20261201 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--out' && v !== undefined) { a.out = resolve(v); i++; }
    else if (k === '--count' && v !== undefined) { a.count = Number(v); i++; }
    else if (k === '--seed' && v !== undefined) { a.seed = Number(v); i++; }
    else if (k === '--help' || k === '-h') { console.log(usage); process.exit(0); }
    else fail(`未知参数 ${k} / unknown argument ${k}\n${usage}`);
  }
  if (!Number.isInteger(a.count) || a.count < 1) fail(`--count 须为正整数 / --count must be a positive integer\n${usage}`);
  if (!Number.isInteger(a.seed)) fail(`--seed 须为整数 / --seed must be an integer\n${usage}`);
  return a;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let stepNo = 0;
function step(zh: string, en: string): void {
  stepNo++;
  console.log(`\n[${stepNo}] ${zh} / ${en}`);
}
const note = (s: string): void => console.log(`    ${s}`);

/** Runs `vship ARGS --data-dir DATA`, echoes the command and its output indented; stops the demo when it fails. */
function vship(data: string, args: string[], opts: { quiet?: boolean; json?: boolean } = {}): string {
  if (!opts.quiet) console.log(`  $ vship ${args.map((x) => (/[\s"']/.test(x) ? JSON.stringify(x) : x)).join(' ')}`);
  const r = spawnSync(process.execPath, [VSHIP, ...args, '--data-dir', data], { encoding: 'utf8', env: { ...process.env, VSHIP_DATA_DIR: data } });
  if (r.status !== 0) {
    console.error(r.stdout + r.stderr);
    fail(`命令失败（退出码 ${r.status}）：vship ${args.join(' ')} / command failed`);
  }
  if (!opts.quiet && !opts.json) for (const line of r.stdout.trimEnd().split('\n')) if (line) console.log(`    ${line}`);
  return r.stdout;
}

/** Empties DIR when it is a previous demo's (or empty / missing); refuses any other folder. */
function freshOut(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) fail(`${dir} 不是文件夹 / is not a folder`);
    const entries = readdirSync(dir);
    if (entries.length && !entries.includes(MARKER)) fail(`${dir} 不是演示输出文件夹，未删除；请换一个 --out / is not a demo output folder: not emptied, choose another --out`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(join(dir, 'input'), { recursive: true });
  writeFileSync(join(dir, MARKER), 'VShip demo output (npm run demo); safe to delete.\n');
}

interface ProductRow { skuKey: string; title: string; spec: string; kind: string | null; suggestion: { kind: string | null }; waiting: number; waitingUnits: number }
interface OrderRow { orderNo: string; shippable: boolean; skuCode: string; styleId: string; productId: string; spec: string; rechargeNo: string }

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'data' ? [] : listFiles(p, base);
    return e.name === MARKER ? [] : [relative(base, p)];
  }).sort();
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const out = args.out;
  const input = join(out, 'input');
  const data = join(out, 'data');
  console.log('VShip 演示：一次完整的虚拟发货流程 / VShip demo: the whole shipping job, start to end');
  console.log(`输出文件夹 / output folder: ${out}`);
  freshOut(out);

  step('生成订单导出文件', 'Generating an order export');
  // Orders of the last three days, as the backend exports them today (UTF-8 BOM, TAB after numbers).
  const table = generateOrders({ count: args.count, seed: args.seed, optional: true, now: new Date() });
  const ordersFile = join(input, '订单导出-演示.csv');
  writeFileSync(ordersFile, toCsv(table, { encoding: 'utf8-bom', trailingTabs: true }));
  note(`${table.expected.length} 个订单（${table.expected.filter((e) => e.shippable).length} 个待发货） → ${relative(process.cwd(), ordersFile)}`);

  step('导入订单（全新的数据文件夹）', 'Importing the orders into a fresh data folder');
  vship(data, ['import', ordersFile]);

  step('确认商品的发货方式', "Confirming each product's delivery kind");
  const products = JSON.parse(vship(data, ['products', '--json'], { quiet: true })) as ProductRow[];
  const waiting = products.filter((p) => p.waiting > 0);
  for (const p of products) {
    const kind = p.suggestion.kind;
    if (!kind) { note(`${p.skuKey}：没有建议的发货方式，跳过 / no suggested kind, skipped`); continue; }
    vship(data, ['product', 'set', p.skuKey, '--kind', kind, '--accept']);
  }

  step('生成并导入库存（卡密、激活码、账号）', 'Generating and importing stock (cards, codes, accounts)');
  const stocked = waiting.filter((p) => stockShape(p.suggestion.kind) !== null);
  let seed = args.seed;
  stocked.forEach((p, i) => {
    const shape = stockShape(p.suggestion.kind)!;
    // Enough for every waiting order, plus a few; the last product is short on purpose (缺货).
    const n = i === stocked.length - 1 && stocked.length > 1 ? Math.max(0, Math.floor(p.waitingUnits / 2)) : p.waitingUnits + 3;
    if (n === 0) { note(`${p.skuKey}：故意不放库存（演示缺货） / no stock on purpose (shows a shortage)`); return; }
    seed += 1;
    const file = join(input, `库存-${p.skuKey}.txt`);
    const bytes = shape === 'card' ? cardText(cards(n, seed), { crlf: true }) : shape === 'code' ? codeText(codes(n, seed), { crlf: true }) : accountText(accounts(n, seed), { crlf: true });
    writeFileSync(file, bytes);
    vship(data, ['stock', 'import', file, '--product', p.skuKey]);
  });

  step('标记直充订单已充值（在充值平台充好后）', 'Marking top-up orders as recharged (done at the supplier)');
  const orders = JSON.parse(vship(data, ['orders', '--shippable', '--json'], { quiet: true })) as OrderRow[];
  const rechargeKeys = new Set(waiting.filter((p) => p.suggestion.kind === 'recharge').map((p) => p.skuKey));
  const topUps = orders.filter((o) => rechargeKeys.has(skuKey(o)) && o.rechargeNo);
  // The first few only: the others stay unfilled and show up in the exceptions file.
  for (const [k, o] of topUps.slice(0, 3).entries()) vship(data, ['recharge', o.orderNo, '--ref', `DEMO-${String(k + 1).padStart(4, '0')}`]);
  if (topUps.length > 3) note(`其余 ${topUps.length - 3} 个直充订单未标记，将出现在例外清单中 / the other ${topUps.length - 3} stay unfilled and are listed as left out`);

  step('按承诺发货时间自动填充', 'Filling orders from stock, most urgent first');
  vship(data, ['fill']);

  step('检查平台规则', 'Checking the platform rules');
  vship(data, ['check']);

  step('导出发货文件（批量发货 → 无物流单条导入）', 'Exporting the shipment file (no-logistics batch import)');
  vship(data, ['export', '--out', out]);

  step('完成：文件在这里', 'Done: the files are here');
  for (const f of listFiles(out)) note(join(relative(process.cwd(), out) || '.', f));
  note(`数据文件夹 / data folder: ${relative(process.cwd(), data) || data}`);
  note('用 App 查看同一份数据 / to see the same data in the app: npm run web -- --data-dir ' + (relative(process.cwd(), data) || data));
  note('发货文件里有卡密，请妥善保管 / the shipment file holds card secrets: keep it safe');
}

main();

import type { Core } from '../../handlers';
import { STOCKED_KINDS, type StockDuplicate } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { call } from '../call';
import { defineCommand, type Command, type OptionValues } from '../command';
import { helpHint, InputError, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { readInputFile } from '../input-file';
import { idList, oneOf, positiveInt } from '../option-values';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';
import { STOCK_SEP_NAMES } from '../../../shared/rules/stock-separators';

const SEP_CHOICE = oneOf(Object.keys(STOCK_SEP_NAMES));
/** `----|'|'|tab|,|space`: the separator names as a shell user types them ('|' quoted). */
const SEP_VALUE = Object.keys(STOCK_SEP_NAMES).filter((k) => k !== 'auto').map((k) => (k === '|' ? "'|'" : k)).join('|');

const stockCommand = defineCommand({
  name: 'stock',
  usage: '[--product <商品键>]',
  summary: '库存水平：可用、已预留、已发货、已过期、已作废、缺口',
  options: {
    product: { type: 'string', value: '<商品键>', description: '只看这个商品（默认：所有用库存发货的商品）' },
    ...SHOP_OPTION,
  },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const sku = options.product;
    const products = (await call(core, 'products.list', { shopId: shop.id })).filter((p) => (sku ? p.skuKey === sku : p.kind !== null && STOCKED_KINDS.includes(p.kind)));
    if (sku && !products.length) throw new InputError(new AppError('PRODUCT_NOT_FOUND', { detail: sku }).toData());
    const rows = products.map((p) => ({ skuKey: p.skuKey, title: p.title, ...p.levels, shortage: p.shortage, waiting: p.waiting }));
    if (json) outJson(rows);
    else for (const r of rows) out(`${r.skuKey}  ${r.title}  可用 ${r.available}  预留 ${r.reserved}  已发 ${r.delivered}  过期 ${r.expired}  作废 ${r.voided}${r.shortage ? `  缺 ${r.shortage}` : ''}`);
    return EXIT.OK;
  },
});

const stockImportCommand = defineCommand({
  name: 'stock import',
  usage: `<文件> --product <商品键> [--sep ${SEP_VALUE}] [--expires <YYYY-MM-DD>]`,
  summary: '导入卡密/激活码/账号到商品库存（整批成功或整批不导入）',
  args: [{ name: '文件', required: true }],
  options: {
    product: { type: 'string', value: '<商品键>', description: '导入到这个商品的库存', required: true },
    sep: { type: 'string', value: SEP_VALUE, description: '卡号与密码之间的分隔符（默认自动识别）', parse: SEP_CHOICE },
    expires: { type: 'string', value: '<YYYY-MM-DD>', description: '这批条目的过期日期' },
    ...SHOP_OPTION,
  },
  async run({ core, args, options, json }) {
    const file = readInputFile(args[0]);
    const shop = await resolveShop(core, options.shop, false);
    const sep = STOCK_SEP_NAMES[options.sep ?? 'auto'];
    const r = await call(core, 'stock.import', { shopId: shop.id, skuKey: options.product, file, sep, expiresAt: options.expires ?? null });
    if (json) outJson({ added: r.added, batchId: r.batchId, sep: r.sep, duplicates: r.duplicates.map((d) => ({ line: d.line, where: d.where })), rejected: r.rejected });
    else {
      for (const x of r.rejected) out(`第 ${x.line} 行：${x.reason}`);
      for (const d of r.duplicates) out(`第 ${d.line} 行：重复（${duplicateOf(d)}）${d.masked}`);
      out(r.rejected.length ? `有 ${r.rejected.length} 行无法识别，本次没有导入任何条目` : `已导入 ${r.added} 条（批次 ${r.batchId ?? '-'}），跳过重复 ${r.duplicates.length} 条`);
    }
    return r.rejected.length ? EXIT.BAD_INPUT : EXIT.OK;
  },
});

/** Which unused items `void`, `restore` and `move` act on. */
const SELECTION_OPTIONS = {
  batch: { type: 'string', value: '<批次>', description: '一个导入批次的全部未使用条目', parse: positiveInt },
  items: { type: 'string', value: '<1,2,3>', description: '这些编号的条目', parse: idList },
  ...SHOP_OPTION,
} as const;

async function selection(ctx: { core: Core; options: OptionValues<typeof SELECTION_OPTIONS> }, command: string) {
  const { batch, items } = ctx.options;
  if (!batch && !items?.length) throw new UsageError(`请用 --batch <批次> 或 --items <1,2,3> 指定条目。${helpHint(command)}`, '--batch');
  const shop = await resolveShop(ctx.core, ctx.options.shop, false);
  return { shopId: shop.id, batchId: batch, itemIds: items };
}

/** `（批次 3）` after a count when the selection was a batch. */
function ofBatch(batchId: number | undefined): string {
  return batchId ? `（批次 ${batchId}）` : '';
}

const stockVoidCommand = defineCommand({
  name: 'stock void',
  usage: '--batch <批次> | --items <1,2,3>',
  summary: '作废未使用的条目（可从回收站恢复）',
  options: SELECTION_OPTIONS,
  async run(ctx) {
    const sel = await selection(ctx, 'stock void');
    const r = await call(ctx.core, 'stock.void', sel);
    out(ctx.json ? JSON.stringify(r) : `已作废 ${r.voided} 条${ofBatch(sel.batchId)}`);
    return EXIT.OK;
  },
});

const stockRestoreCommand = defineCommand({
  name: 'stock restore',
  usage: '--batch <批次> | --items <1,2,3>',
  summary: '从回收站恢复作废的条目',
  options: SELECTION_OPTIONS,
  async run(ctx) {
    const sel = await selection(ctx, 'stock restore');
    const r = await call(ctx.core, 'stock.restore', sel);
    out(ctx.json ? JSON.stringify(r) : `已恢复 ${r.restored} 条${ofBatch(sel.batchId)}`);
    return EXIT.OK;
  },
});

const stockMoveCommand = defineCommand({
  name: 'stock move',
  usage: '--batch <批次> | --items <1,2,3> --to <商品键>',
  summary: '把未使用的条目移到另一个商品',
  options: {
    ...SELECTION_OPTIONS,
    to: { type: 'string', value: '<商品键>', description: '目标商品', required: true },
  },
  async run(ctx) {
    const sel = await selection(ctx, 'stock move');
    const r = await call(ctx.core, 'stock.move', { ...sel, toSkuKey: ctx.options.to });
    out(ctx.json ? JSON.stringify(r) : `已移动 ${r.moved} 条到「${ctx.options.to}」`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const stockCommands: Command[] = [stockImportCommand, stockCommand, stockVoidCommand, stockRestoreCommand, stockMoveCommand];

const STATE_WORDS: Record<string, string> = { available: '可用', reserved: '已分配', delivered: '已发出', expired: '已过期', voided: '已作废' };
/** MM-DD of a stored Beijing time. */
const day = (iso: string) => iso.slice(5, 10);

/** Where a duplicate was seen first, in the UI's words: 与第 1 行重复, 已于 11-28 发给订单 …, 已在 11-28 导入的批次 #12 中. */
function duplicateOf(d: StockDuplicate): string {
  if (d.where === 'file') return d.firstLine ? `与第 ${d.firstLine} 行重复` : '文件内已出现';
  if (d.batchId === undefined || !d.importedAt) return '店铺历史中已有';
  const other = d.otherProduct ? `，属于商品「${d.otherProduct.title}」` : '';
  if (d.orderNo && d.deliveredAt) return `已于 ${day(d.deliveredAt)} 发给订单 ${d.orderNo}${other}`;
  if (d.orderNo) return `已分配给订单 ${d.orderNo}，尚未发货${other}`;
  return `已在 ${day(d.importedAt)} 导入的批次 #${d.batchId} 中，${STATE_WORDS[d.state ?? 'available']}${other}`;
}

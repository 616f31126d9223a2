import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportRecord, LeftOutCode, TemplateProfile } from '../../../shared/domain';
import { COLUMN_ROLE_WORDS, LEFT_OUT_REASONS } from '../../../shared/domain';
import { writeFileWhole } from '../../core/io/write-file';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { readInputFile } from '../input-file';
import { nameList, oneOf, positiveInt } from '../option-values';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';
import type { Core } from '../../handlers';

const FORMAT_CHOICE = oneOf(['xlsx', 'csv']);
const MULTI_CHOICE = oneOf(['rows', 'join']);
const FILE_KIND = { shipment: '发货文件', messages: '发货消息', exceptions: '未导出订单' } as const;

function showTemplate(p: TemplateProfile): void {
  if (p.builtIn) out('模板：内置默认格式（未核实：请用后台下载的模板核对）');
  else out(`模板：${p.name}（${p.format}${p.format === 'xls' ? '，将写成 .xlsx' : ''}），工作表「${p.sheet || '-'}」，表头在第 ${p.headerRow} 行${p.otherSheets.length ? `，其他工作表原样保留：${p.otherSheets.join('、')}` : ''}`);
  for (const c of p.columns) out(`  ${c.header || `（第 ${c.index + 1} 列）`} → ${COLUMN_ROLE_WORDS[c.role]}${c.value !== undefined ? `：${c.value}` : ''}`);
  out(`一单多件：${p.multiItem === 'join' ? '同一行，换行分隔' : '每件一行'}`);
}

/** Saves every file of an export into `dir` under its own name. */
async function saveFiles(core: Core, shopId: number, r: ExportRecord, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const f of r.files) {
    const file = await call(core, 'export.file', { shopId, fileId: f.id });
    const path = join(dir, file.name);
    writeFileWhole(path, file.bytes);
    paths.push(path);
  }
  return paths;
}

const exportCommand = defineCommand({
  name: 'export',
  usage: '--out <目录> [--template <模板文件>] [--format xlsx|csv] [--max-rows N] [--product <商品键>] [--orders <订单号,…>] [--reexport <订单号,…> --reason <原因>]',
  summary: '生成无物流批量发货文件（批量发货 → 无物流单条导入），以及发货消息和未导出订单清单',
  options: {
    out: { type: 'string', value: '<目录>', description: '把文件写到这个文件夹（没有则新建）', required: true },
    template: { type: 'string', value: '<模板文件>', description: '先记住这个后台下载的模板（同 vship template set），再按它生成' },
    format: { type: 'string', value: 'xlsx|csv', description: '文件格式（默认 xlsx；CSV 模板默认 csv）', parse: FORMAT_CHOICE },
    'max-rows': { type: 'string', value: 'N', description: '每个文件最多几行，超出则分成多个文件（默认 1000，见设置）', parse: positiveInt },
    product: { type: 'string', value: '<商品键>', description: '只导出这个商品的订单（可用逗号分隔多个）', parse: nameList },
    orders: { type: 'string', value: '<订单号,…>', description: '只导出这些订单', parse: nameList },
    reexport: { type: 'string', value: '<订单号,…>', description: '重新导出这些已导出的订单（须同时给出 --reason）', parse: nameList },
    reason: { type: 'string', value: '<原因>', description: '重新导出的原因（记入台账）' },
    ...SHOP_OPTION,
  },
  async run({ core, options, json }) {
    if (options.reexport && !options.reason) throw new UsageError('--reexport 需要同时给出 --reason <原因>');
    const shop = await resolveShop(core, options.shop, false);
    if (options.template) await call(core, 'export.setTemplate', { shopId: shop.id, file: readInputFile(options.template) });
    const narrow = options.product || options.orders ? { ...(options.product ? { skuKeys: options.product } : {}), ...(options.orders ? { orderNos: options.orders } : {}) } : undefined;
    const r = await call(core, 'export.run', {
      shopId: shop.id, ...(narrow ? { narrow } : {}), ...(options.format ? { format: options.format } : {}), ...(options['max-rows'] ? { maxRows: options['max-rows'] } : {}),
      ...(options.reexport ? { reexport: { orderNos: options.reexport, reason: options.reason! } } : {}),
    });
    const paths = await saveFiles(core, shop.id, r, options.out);
    if (json) {
      outJson({ exportId: r.id, orders: r.orders, items: r.items, leftOut: r.leftOut, builtInTemplate: r.builtInTemplate, files: r.files.map((f, i) => ({ kind: f.kind, path: paths[i], rows: f.rows, sha256: f.sha256, holdsSecrets: f.holdsSecrets })) });
      return EXIT.OK;
    }
    out(`第 ${r.id} 次导出：${r.orders} 单，${r.items} 件${r.leftOut ? `，${r.leftOut} 单未导出（见未导出订单清单）` : ''}`);
    if (r.builtInTemplate) out('注意：使用内置默认格式（未核实：请用后台 批量发货 → 无物流单条导入 页面下载的模板核对，vship template set <文件>）');
    r.files.forEach((f, i) => out(`  ${FILE_KIND[f.kind]}  ${paths[i]}  ${f.rows} 行${f.holdsSecrets ? '  【含卡密，请妥善保管】' : ''}`));
    return EXIT.OK;
  },
});

const exportPreviewCommand = defineCommand({
  name: 'export preview',
  usage: '[--product <商品键>] [--max-rows N]',
  summary: '先看看：可导出多少单、哪些不能导出及原因（不写任何文件）',
  options: {
    product: { type: 'string', value: '<商品键>', description: '只看这个商品（可用逗号分隔多个）', parse: nameList },
    'max-rows': { type: 'string', value: 'N', description: '每个文件最多几行', parse: positiveInt },
    ...SHOP_OPTION,
  },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const p = await call(core, 'export.preview', { shopId: shop.id, ...(options.product ? { narrow: { skuKeys: options.product } } : {}), ...(options['max-rows'] ? { maxRows: options['max-rows'] } : {}) });
    if (json) { outJson(p); return EXIT.OK; }
    out(`可导出 ${p.ready} 单（${p.rows} 行，${p.parts} 个文件）`);
    for (const [code, n] of Object.entries(p.leftOut)) out(`  未导出 ${n} 单：${LEFT_OUT_REASONS[code as LeftOutCode]}`);
    showTemplate(p.template);
    return EXIT.OK;
  },
});

const exportsCommand = defineCommand({
  name: 'exports',
  usage: '',
  summary: '导出记录：每次导出的时间、单数、文件和订单现状',
  options: { ...SHOP_OPTION },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const list = await call(core, 'export.list', { shopId: shop.id });
    if (json) { outJson(list); return EXIT.OK; }
    if (!list.length) out('还没有导出记录');
    for (const r of list) {
      const st = r.states;
      out(`#${r.id}  ${r.at.slice(0, 16).replace('T', ' ')}  ${r.orders} 单  ${r.items} 件  未导出 ${r.leftOut}  已发货 ${st.shipped ?? 0}  待确认 ${st.exported ?? 0}  上传失败 ${st.uploadFailed ?? 0}  需处理 ${st.attention ?? 0}${r.reexport ? `  重新导出：${r.reexport.reason}` : ''}`);
      for (const f of r.files) out(`    ${FILE_KIND[f.kind]}  ${f.name}  sha256 ${f.sha256.slice(0, 16)}…`);
    }
    return EXIT.OK;
  },
});

const exportSaveCommand = defineCommand({
  name: 'export save',
  usage: '<导出编号> --out <目录>',
  summary: '把某次导出的文件再保存一份',
  args: [{ name: '导出编号', required: true }],
  options: { out: { type: 'string', value: '<目录>', description: '保存到这个文件夹', required: true }, ...SHOP_OPTION },
  async run({ core, args, options, json }) {
    const id = positiveInt(args[0]);
    const shop = await resolveShop(core, options.shop, false);
    const r = (await call(core, 'export.list', { shopId: shop.id })).find((x) => x.id === id);
    if (!r) throw new UsageError(`没有第 ${args[0]} 次导出（vship exports 列出全部）`);
    const paths = await saveFiles(core, shop.id, r, options.out);
    if (json) outJson({ exportId: id, files: paths });
    else for (const p of paths) out(`已保存 ${p}`);
    return EXIT.OK;
  },
});

const exportResultCommand = defineCommand({
  name: 'export result',
  usage: '<结果文件>',
  summary: '读取后台上传后的结果文件：失败的订单标为“上传失败”，可重新导出',
  args: [{ name: '结果文件', required: true }],
  options: { ...SHOP_OPTION },
  async run({ core, args, options, json }) {
    const file = readInputFile(args[0]);
    const shop = await resolveShop(core, options.shop, false);
    const r = await call(core, 'export.result', { shopId: shop.id, file });
    if (json) { outJson(r); return EXIT.OK; }
    out(`${r.file}：${r.rows} 行，失败 ${r.failed}，成功 ${r.succeeded}${r.unknown ? `，${r.unknown} 个订单号不是 VShip 导出的` : ''}`);
    for (const f of r.failures) out(`  上传失败 ${f.orderNo}：${f.reason}`);
    for (const n of r.unknownOrderNos.slice(0, 20)) out(`  未导出过 ${n}`);
    return EXIT.OK;
  },
});

const templateSetCommand = defineCommand({
  name: 'template set',
  usage: '<模板文件> [--multi rows|join]',
  summary: '记住后台 批量发货 → 无物流单条导入 页面下载的模板（.xlsx、.xls 或 .csv）',
  args: [{ name: '模板文件', required: true }],
  options: {
    multi: { type: 'string', value: 'rows|join', description: '一单多件：每件一行（rows，默认）或同一行换行分隔（join）', parse: MULTI_CHOICE },
    ...SHOP_OPTION,
  },
  async run({ core, args, options, json }) {
    const file = readInputFile(args[0]);
    const shop = await resolveShop(core, options.shop, false);
    const p = await call(core, 'export.setTemplate', { shopId: shop.id, file, ...(options.multi ? { multiItem: options.multi } : {}) });
    if (json) outJson(p);
    else { out('已记住模板'); showTemplate(p); }
    return EXIT.OK;
  },
});

const templateShowCommand = defineCommand({
  name: 'template show',
  usage: '',
  summary: '显示当前店铺的发货文件模板及每列填什么',
  options: { ...SHOP_OPTION },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const p = await call(core, 'export.template', { shopId: shop.id });
    if (json) outJson(p);
    else showTemplate(p);
    return EXIT.OK;
  },
});

const templateClearCommand = defineCommand({
  name: 'template clear',
  usage: '',
  summary: '不再使用已记住的模板，改回内置默认格式',
  options: { ...SHOP_OPTION },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const p = await call(core, 'export.clearTemplate', { shopId: shop.id });
    if (json) outJson(p);
    else out('已改回内置默认格式');
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const exportCommands: Command[] = [exportCommand, exportPreviewCommand, exportsCommand, exportSaveCommand, exportResultCommand, templateSetCommand, templateShowCommand, templateClearCommand];

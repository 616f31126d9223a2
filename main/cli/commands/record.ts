import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileWhole } from '../../core/io/write-file';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { isoDate, oneOf } from '../option-values';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';

const FORMAT_CHOICE = oneOf(['png', 'pdf']);
const REVEAL_OPTION = {
  reveal: { type: 'boolean', description: '完整显示卡密（默认部分隐藏；完整显示会记录在台账）' },
} as const;

const recordCommand = defineCommand({
  name: 'record',
  usage: '<订单号> [--out <目录>] [--format png|pdf] [--reveal] [--shop <店铺名>]',
  summary: '生成已发货订单的发货凭证（PNG 和 PDF，用系统中的 Chromium / Edge 绘制）',
  args: [{ name: '订单号', required: true }],
  options: {
    out: { type: 'string', value: '<目录>', description: '写到这个文件夹（默认：当前文件夹；没有则新建）' },
    format: { type: 'string', value: 'png|pdf', description: '只生成一种格式（默认两种都生成）', parse: FORMAT_CHOICE },
    ...REVEAL_OPTION,
    ...SHOP_OPTION,
  },
  async run({ core, args, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const dir = resolve(options.out ?? '.');
    mkdirSync(dir, { recursive: true });
    const written: { format: string; path: string; bytes: number }[] = [];
    for (const format of options.format ? [options.format] : (['png', 'pdf'] as const)) {
      const r = await call(core, 'evidence.record', { shopId: shop.id, orderNo: args[0], format, ...(options.reveal ? { mask: 'full' as const } : {}) });
      const path = join(dir, r.name);
      writeFileWhole(path, r.bytes);
      written.push({ format, path, bytes: r.bytes.byteLength });
    }
    if (json) outJson({ orderNo: args[0], files: written });
    else {
      out(`订单 ${args[0]} 的发货凭证：`);
      for (const w of written) out(`  ${w.path}  ${Math.ceil(w.bytes / 1024)} KB`);
    }
    return EXIT.OK;
  },
});

const packCommand = defineCommand({
  name: 'evidence pack',
  usage: '(<订单号> | --from <日期> --to <日期>) --out <文件> [--reveal] [--shop <店铺名>]',
  summary: '生成证据包（ZIP）：凭证文件、发货凭证、台账记录、manifest.json 和说明.txt，可直接上传申诉',
  args: [{ name: '订单号' }],
  options: {
    from: { type: 'string', value: '<日期>', description: '按导出日期（北京时间）打包：起始日 YYYY-MM-DD', parse: isoDate },
    to: { type: 'string', value: '<日期>', description: '截止日 YYYY-MM-DD（含当天）', parse: isoDate },
    out: { type: 'string', value: '<文件>', description: '证据包写到这里（以 / 结尾或是已有文件夹时，用默认文件名写进去）', required: true },
    ...REVEAL_OPTION,
    ...SHOP_OPTION,
  },
  async run({ core, args, options, json }) {
    const orderNo = args[0];
    const byDate = options.from !== undefined || options.to !== undefined;
    if (orderNo !== undefined && byDate) throw new UsageError('订单号和 --from/--to 只能二选一');
    if (orderNo === undefined && !(options.from && options.to)) throw new UsageError('需要订单号，或同时给出 --from 和 --to');
    if (options.from && options.to && options.from > options.to) throw new UsageError('--from 不能晚于 --to');
    const shop = await resolveShop(core, options.shop, false);
    const r = await call(core, 'evidence.pack', {
      shopId: shop.id, ...(orderNo !== undefined ? { orderNo } : { from: options.from!, to: options.to! }), ...(options.reveal ? { mask: 'full' as const } : {}),
    });
    const target = resolve(options.out);
    const intoDir = /[\\/]$/.test(options.out) || isDirectory(target);
    const path = intoDir ? join(target, r.name) : target;
    mkdirSync(dirname(path), { recursive: true });
    writeFileWhole(path, r.bytes);
    if (json) outJson({ path, name: r.name, bytes: r.bytes.byteLength, orders: r.orders, files: r.files });
    else out(`证据包：${path}  ${r.orders} 个订单，${r.files} 个文件，${Math.ceil(r.bytes.byteLength / 1024)} KB`);
    return EXIT.OK;
  },
});

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `vship evidence pack` (listed right after the other `evidence` subcommands, which are in evidence.ts) and `vship record`. */
export const recordCommands: readonly Command[] = [packCommand, recordCommand];

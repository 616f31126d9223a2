import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { readInputFile } from '../input-file';
import { out, outJson } from '../output';
import { resolveShop } from '../shop';

const PHASES: Record<string, string> = { read: '读取', write: '写入' };

const importCommand = defineCommand({
  name: 'import',
  usage: '<文件>... [--shop <店铺名>]',
  summary: '导入拼多多订单导出文件（.csv / .xlsx / .zip）',
  args: [{ name: '文件', required: true, variadic: true }],
  options: {
    shop: { type: 'string', value: '<店铺名>', description: '导入到这个店铺，没有时新建（默认：当前店铺）' },
  },
  async run({ core, args, options, json }) {
    const files = args.map(readInputFile);
    const shop = await resolveShop(core, options.shop, true);
    const tty = process.stderr.isTTY && !json;
    const s = await call(core, 'import.orders', { shopId: shop.id, files }, (e) => {
      if (!tty || e.event !== 'job.progress') return;
      const p = e.payload;
      process.stderr.write(`\r${PHASES[p.phase] ?? '完成'} ${p.file ?? ''}: ${p.done}${p.total ? '/' + p.total : ''}   `);
    });
    if (tty) process.stderr.write('\n');
    if (json) {
      outJson({ shop: shop.name, read: s.read, new: s.new, updated: s.updated, unchanged: s.unchanged, damaged: s.damaged, shippable: s.shippable, notShippable: s.notShippable, files: s.files, durationMs: s.durationMs });
      return EXIT.OK;
    }
    for (const f of s.files) {
      out(`${f.file}（${f.format.toUpperCase()}${f.encoding ? '，' + f.encoding : ''}）：${f.rows} 行，${f.read} 个订单`);
      for (const w of f.warnings) out(`  注意：${w}`);
    }
    out(`店铺「${shop.name}」：读取 ${s.read}，新增 ${s.new}，更新 ${s.updated}，未变 ${s.unchanged}，损坏 ${s.damaged}；可发货 ${s.shippable}，不可发货 ${s.notShippable}（用时 ${(s.durationMs / 1000).toFixed(1)} 秒）`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const importCommands: Command[] = [importCommand];

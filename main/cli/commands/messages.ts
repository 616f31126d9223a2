import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';
import { writeFileWhole } from '../../core/io/write-file';

const messagesCommand = defineCommand({
  name: 'messages',
  usage: '[--out <文件.csv>]',
  summary: '生成发货消息（订单号, 发货内容）',
  options: {
    out: { type: 'string', value: '<文件.csv>', description: '写成 Excel 可直接打开的 CSV 文件（默认：打印出来）' },
    ...SHOP_OPTION,
  },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const file = options.out;
    if (file) {
      const r = await call(core, 'messages.export', { shopId: shop.id });
      writeFileWhole(file, r.bytes);
      out(json ? JSON.stringify({ out: file, count: r.count, held: r.held }) : `已写出 ${r.count} 条发货消息到 ${file}`);
      if (!json) for (const h of r.held) out(`未导出 ${h.orderNo}：发货消息疑似导流（“${h.text}”）`);
      return EXIT.OK;
    }
    const m = await call(core, 'messages.list', { shopId: shop.id });
    if (json) outJson(m);
    else for (const x of m) out(`${x.orderNo}\t${x.blocked ? '【疑似导流，不会导出】' : ''}${x.message.replace(/\n/g, ' / ')}`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const messagesCommands: Command[] = [messagesCommand];

import { VERSION } from '../../handlers';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { out, outJson } from '../output';

const shopsCommand = defineCommand({
  name: 'shops',
  usage: '',
  summary: '列出店铺（* 为当前店铺）',
  options: {},
  async run({ core, json }) {
    const shops = await call(core, 'shops.list', undefined);
    const cur = (await call(core, 'shops.getSettings', undefined)).currentShopId;
    if (json) outJson(shops.map((s) => ({ ...s, current: s.id === cur })));
    else for (const s of shops) out(`${s.id === cur ? '*' : ' '} ${s.id}  ${s.name}`);
    return EXIT.OK;
  },
});

const shopsAddCommand = defineCommand({
  name: 'shops add',
  usage: '<店铺名>',
  summary: '新建店铺',
  args: [{ name: '店铺名', required: true }],
  options: {},
  async run({ core, args, json }) {
    const s = await call(core, 'shops.create', { name: args[0] });
    if (json) outJson(s);
    else out(`已新建店铺「${s.name}」（编号 ${s.id}）`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const shopsCommands: Command[] = [shopsCommand, shopsAddCommand];

const versionCommand = defineCommand({
  name: 'version',
  usage: '',
  summary: '显示版本号（也可用 vship --version）',
  options: {},
  async run({ json }) {
    if (json) outJson({ version: VERSION });
    else out(VERSION);
    return EXIT.OK;
  },
});

const checkDbCommand = defineCommand({
  name: 'check-db',
  usage: '[--quick]',
  summary: '检查数据文件：文件结构、引用关系、库存状态（无问题退出码 0，有问题 1）',
  options: {
    quick: { type: 'boolean', description: '快速检查（不核对索引，适合很大的数据文件）' },
  },
  async run({ core, options, json }) {
    const r = await call(core, 'shops.checkDb', { quick: options.quick === true });
    if (json) outJson(r);
    else if (r.ok) out(`数据检查（${r.check}）：未发现问题`);
    else {
      out(`数据检查（${r.check}）：发现 ${r.problems.length + r.more} 个问题`);
      for (const p of r.problems) out(`  ${p.message}`);
      if (r.more) out(`  ……另有 ${r.more} 个`);
      out('请先备份数据文件夹，再联系技术支持处理；自动填充会跳过这些库存条目。');
    }
    return r.ok ? EXIT.OK : EXIT.BAD_INPUT;
  },
});

/** App info and the data folder's check (the shops feature's too), listed last by `vship --help`. */
export const versionCommands: Command[] = [versionCommand, checkDbCommand];

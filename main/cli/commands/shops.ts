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

/** App info (the shops feature's too), listed last by `vship --help`. */
export const versionCommands: Command[] = [versionCommand];

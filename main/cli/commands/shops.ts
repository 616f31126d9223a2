import type { ShopType } from '../../../shared/domain';
import { SHOP_TYPES } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { VERSION } from '../../handlers';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { helpHint, InputError, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { InvalidValue } from '../option-values';
import { out, outJson } from '../output';

const TYPE_VALUE = 'personal|enterprise|个人|企业';

/** `personal`, `enterprise`, or their Chinese names 个人 / 企业. */
function shopType(raw: string): ShopType {
  const t = raw.trim();
  const found = (Object.keys(SHOP_TYPES) as ShopType[]).find((k) => k === t.toLowerCase() || SHOP_TYPES[k] === t);
  if (!found) throw new InvalidValue(`只能是 ${TYPE_VALUE.split('|').join('、')}`);
  return found;
}

const shopsCommand = defineCommand({
  name: 'shops',
  usage: '',
  summary: '列出店铺（* 为当前店铺）',
  options: {},
  async run({ core, json }) {
    const shops = await call(core, 'shops.list', undefined);
    const cur = (await call(core, 'shops.getSettings', undefined)).currentShopId;
    if (json) outJson(shops.map((s) => ({ ...s, current: s.id === cur })));
    else for (const s of shops) out(`${s.id === cur ? '*' : ' '} ${s.id}  ${s.name}  ${SHOP_TYPES[s.type]}`);
    return EXIT.OK;
  },
});

/** `shops add` and its other name `shops create`. */
function createShopCommand(name: string, summary: string): Command {
  return defineCommand({
    name,
    usage: `<店铺名> [--type ${TYPE_VALUE}]`,
    summary,
    args: [{ name: '店铺名', required: true }],
    options: {
      type: { type: 'string', value: TYPE_VALUE, description: '店铺类型（默认个人；旅游类商品只允许企业店铺）', parse: shopType },
    },
    async run({ core, args, options, json }) {
      const s = await call(core, 'shops.create', { name: args[0], type: options.type });
      if (json) outJson(s);
      else out(`已新建店铺「${s.name}」（编号 ${s.id}，${SHOP_TYPES[s.type]}）`);
      return EXIT.OK;
    },
  });
}

const shopsSetTypeCommand = defineCommand({
  name: 'shops set-type',
  usage: '<店铺名或编号> <类型>',
  summary: `修改店铺类型（<类型>：${TYPE_VALUE}），并重新检查该店铺的规则`,
  args: [{ name: '店铺名或编号', required: true }, { name: '类型', required: true }],
  options: {},
  async run({ core, args: [which, rawType], json }) {
    let type: ShopType;
    try {
      type = shopType(rawType);
    } catch (e) {
      if (!(e instanceof InvalidValue)) throw e;
      throw new UsageError(`店铺类型${e.message}，收到「${rawType}」。${helpHint('shops set-type')}`, rawType);
    }
    const shops = await call(core, 'shops.list', undefined);
    const shop = shops.find((s) => s.name === which.trim()) ?? shops.find((s) => /^\d+$/.test(which) && s.id === Number(which));
    if (!shop) throw new InputError(new AppError('SHOP_NOT_FOUND', { detail: which }).toData());
    const s = await call(core, 'shops.setType', { shopId: shop.id, type });
    if (json) outJson(s);
    else out(`店铺「${s.name}」的类型已改为${SHOP_TYPES[s.type]}，规则已重新检查`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const shopsCommands: Command[] = [
  shopsCommand, createShopCommand('shops add', '新建店铺'), createShopCommand('shops create', '新建店铺（同 shops add）'), shopsSetTypeCommand,
];

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

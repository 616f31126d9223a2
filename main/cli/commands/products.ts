import type { DeliveryKind, ProductTerms } from '../../../shared/domain';
import { DELIVERY_KINDS } from '../../../shared/domain';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { isoDate, nameList, nonNegativeInt, oneOf } from '../option-values';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';

const KINDS = Object.keys(DELIVERY_KINDS) as DeliveryKind[];
const KIND_CHOICES = KINDS.join('|');

const productsCommand = defineCommand({
  name: 'products',
  usage: '[--shop <店铺名>]',
  summary: '商品列表（发货方式、条款、库存、待发订单）',
  options: { ...SHOP_OPTION },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const products = await call(core, 'products.list', { shopId: shop.id });
    if (json) {
      outJson(products.map((p) => ({
        skuKey: p.skuKey, title: p.title, spec: p.spec, productId: p.productId, kind: p.kind, confirmed: p.confirmed, terms: p.terms,
        // The reasons as the Chinese sentences they have always been printed as (the codes are the UI's).
        suggestion: { kind: p.suggestion.kind, terms: p.suggestion.terms, why: p.suggestion.why.map((w) => w.text) },
        waiting: p.waiting, waitingUnits: p.waitingUnits, available: p.levels.available, levels: p.levels,
        shortage: p.shortage, lowStock: p.lowStock,
      })));
      return EXIT.OK;
    }
    if (!products.length) { out('还没有商品：先导入订单（vship import <文件>）'); return EXIT.OK; }
    for (const p of products) {
      const kind = p.kind ? DELIVERY_KINDS[p.kind] : '未设置';
      const mark = p.confirmed ? '' : '（建议，未确认）';
      const short = p.shortage ? `  缺 ${p.shortage}` : '';
      out(`${p.skuKey}  ${p.title} ${p.spec}  [${kind}${mark}]  待发 ${p.waiting} 单  可用 ${p.levels.available}${short}`);
    }
    return EXIT.OK;
  },
});

const productSetCommand = defineCommand({
  name: 'product set',
  usage: `<商品键> [--kind ${KIND_CHOICES}] [--rental-days <天数>] [--valid-days <天数> | --valid-until <YYYY-MM-DD>]`
    + ' [--fulfil-days <天数>] [--region <江苏,浙江>] [--ship-hours 24|48 | --ship-days <天数>] [--items-per-unit <条数>]'
    + ' [--min-validity-days <天数>] [--brand-approved] [--low-stock <条数>] [--template <文本>] [--accept]',
  summary: '设置商品的发货方式与条款（--accept 采纳系统建议）',
  args: [{ name: '商品键', required: true }],
  options: {
    kind: { type: 'string', value: KIND_CHOICES, description: `发货方式：${KINDS.map((k) => `${k} ${DELIVERY_KINDS[k]}`).join('，')}`, parse: oneOf(KINDS) },
    'rental-days': { type: 'string', value: '<天数>', description: '账号租期（天）', parse: nonNegativeInt },
    'valid-days': { type: 'string', value: '<天数>', description: '发货后有效天数', parse: nonNegativeInt },
    'valid-until': { type: 'string', value: '<YYYY-MM-DD>', description: '有效期至（日期）', parse: isoDate },
    'fulfil-days': { type: 'string', value: '<天数>', description: '履约天数（服务、出行、定制）', parse: nonNegativeInt },
    region: { type: 'string', value: '<江苏,浙江>', description: '只卖给这些省份（地区限制），用逗号分隔', parse: nameList },
    'ship-hours': { type: 'string', value: '24|48', description: '承诺发货时限（小时）', parse: (raw) => Number(oneOf(['24', '48'])(raw)) as 24 | 48 },
    'ship-days': { type: 'string', value: '<天数>', description: '承诺发货时限（天）', parse: nonNegativeInt },
    'items-per-unit': { type: 'string', value: '<条数>', description: '每件商品发几条卡密/账号', parse: nonNegativeInt },
    'min-validity-days': { type: 'string', value: '<天数>', description: '发货时卡密至少还剩的有效天数', parse: nonNegativeInt },
    'brand-approved': { type: 'boolean', description: '储值有效期超过 15 天：已获类目运营批准（知名品牌）' },
    'low-stock': { type: 'string', value: '<条数>', description: '库存低于此数时提醒', parse: nonNegativeInt },
    template: { type: 'string', value: '<文本>', description: '发货消息模板，如 "卡号 {卡号} 密码 {密码}"' },
    accept: { type: 'boolean', description: '采纳系统建议的发货方式与条款' },
    ...SHOP_OPTION,
  },
  async run({ core, args, options: o, json }) {
    const shop = await resolveShop(core, o.shop, false);
    const terms: ProductTerms = {
      rentalDays: o['rental-days'], validDays: o['valid-days'], validUntil: o['valid-until'],
      fulfilDays: o['fulfil-days'], region: o.region,
      shipHours: o['ship-hours'], shipDays: o['ship-days'], itemsPerUnit: o['items-per-unit'],
      minValidityDays: o['min-validity-days'], messageTemplate: o.template,
      brandApproved: o['brand-approved'] ? true : undefined,
    };
    for (const k of Object.keys(terms) as (keyof ProductTerms)[]) if (terms[k] === undefined) delete terms[k];
    const p = await call(core, 'products.set', {
      shopId: shop.id, skuKey: args[0], kind: o.kind, terms: Object.keys(terms).length ? terms : undefined,
      lowStock: o['low-stock'], acceptSuggestion: o.accept || undefined,
    });
    out(json ? JSON.stringify(p) : `已设置「${p.title} ${p.spec}」：${p.kind ? DELIVERY_KINDS[p.kind] : '未设置'} ${JSON.stringify(p.terms)}`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const productsCommands: Command[] = [productsCommand, productSetCommand];

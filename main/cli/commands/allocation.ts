import type { RuleId } from '../../../shared/domain';
import { RULES } from '../../../shared/rules/platform/catalogue';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';

const fillCommand = defineCommand({
  name: 'fill',
  usage: '[--undo]',
  summary: '按承诺发货时间从库存自动填充可发货订单（--undo 撤销上一次填充）',
  options: {
    undo: { type: 'boolean', description: '撤销上一次填充（未导出时），条目退回库存' },
    ...SHOP_OPTION,
  },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    if (options.undo) {
      const r = await call(core, 'allocation.undoFill', { shopId: shop.id });
      out(json ? JSON.stringify(r) : r.fillId ? `已撤销第 ${r.fillId} 次填充，退回库存 ${r.released} 条` : '没有可撤销的填充');
      return EXIT.OK;
    }
    const r = await call(core, 'allocation.fill', { shopId: shop.id });
    if (json) { outJson({ fillId: r.fillId, filled: r.filled, items: r.items, short: r.short, skipped: r.skipped, held: r.held, inconsistent: r.inconsistent }); return EXIT.OK; }
    out(`已填充 ${r.filled} 个订单（${r.items} 条），缺货 ${r.short.length} 个，跳过 ${r.skipped.length} 个`);
    for (const x of r.short.slice(0, 50)) out(`  缺货 ${x.orderNo}: 需要 ${x.need}, 可用 ${x.available}`);
    const reasons = new Map<string, number>();
    for (const x of r.skipped) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
    for (const [k, n] of reasons) out(`  跳过 ${n} 个：${k}`);
    const rules = new Map<RuleId, number>();
    for (const x of r.held) rules.set(x.rule, (rules.get(x.rule) ?? 0) + 1);
    for (const [rule, n] of rules) out(`  规则拦截 ${n} 个：${RULES[rule].title}（${rule}；vship check 查看原因与处理办法）`);
    for (const x of r.inconsistent.slice(0, 50)) out(`  库存条目 ${x.itemId}（${x.skuKey}）状态不一致：标为可用，但已填入订单 ${x.heldByOrderNo}；已跳过，请运行 vship check-db`);
    return EXIT.OK;
  },
});

const assignCommand = defineCommand({
  name: 'assign',
  usage: '<订单号> <卡密>...',
  summary: '手工填入（如 "卡号----密码"，数量须与订单一致）',
  args: [{ name: '订单号', required: true }, { name: '卡密', required: true, variadic: true }],
  options: { ...SHOP_OPTION },
  async run({ core, args: [orderNo, ...items], options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const r = await call(core, 'allocation.assign', { shopId: shop.id, orderNo, items });
    out(json ? JSON.stringify(r) : `已填入 ${orderNo}：${r.map((i) => i.masked).join('，')}`);
    return EXIT.OK;
  },
});

const unassignCommand = defineCommand({
  name: 'unassign',
  usage: '<订单号>',
  summary: '撤回订单内容（未导出退回库存，已导出则隔离）',
  args: [{ name: '订单号', required: true }],
  options: { ...SHOP_OPTION },
  async run({ core, args: [orderNo], options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const r = await call(core, 'allocation.unassign', { shopId: shop.id, orderNo });
    out(json ? JSON.stringify(r) : `已撤回：退回库存 ${r.released} 条，隔离 ${r.quarantined} 条`);
    return EXIT.OK;
  },
});

const rechargeCommand = defineCommand({
  name: 'recharge',
  usage: '<订单号> [--ref <供应商单号>]',
  summary: '标记直充订单已充值',
  args: [{ name: '订单号', required: true }],
  options: {
    ref: { type: 'string', value: '<供应商单号>', description: '充值供应商的单号，记录在订单上' },
    ...SHOP_OPTION,
  },
  async run({ core, args: [orderNo], options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const r = await call(core, 'allocation.recharged', { shopId: shop.id, orderNo, ref: options.ref });
    out(json ? JSON.stringify(r) : `已填入 ${orderNo}：${r.map((i) => i.masked).join('，')}`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const allocationCommands: Command[] = [fillCommand, assignCommand, unassignCommand, rechargeCommand];

import type { Order } from '../../../shared/domain';
import { REASONS } from '../../../shared/domain';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';

/** Order as `vship orders --json` gives it (a stable, documented subset plus the rest of the record). */
function orderJson(o: Order) {
  return {
    orderNo: o.orderNo, status: o.status, afterSale: o.afterSale, shippable: o.shippable, reason: o.reason,
    reasonText: o.reason ? REASONS[o.reason] : null, damaged: o.damaged,
    productName: o.productName, productId: o.productId, spec: o.spec, styleId: o.styleId, skuCode: o.skuCode,
    quantity: o.quantity, paidCents: o.paidCents, paidAt: o.paidAt, shipBy: o.shipBy, rechargeNo: o.rechargeNo,
    buyerMemo: o.buyerMemo, merchantMemo: o.merchantMemo, province: o.province, city: o.city,
  };
}

const PAGE = 100_000;

const ordersCommand = defineCommand({
  name: 'orders',
  usage: '[--shippable | --blocked] [--shop <店铺名>] [--json [--reveal]]',
  summary: '列出订单（默认按承诺发货时间，最紧急在前）；--json 含已填内容',
  options: {
    shippable: { type: 'boolean', description: '只列可发货的订单' },
    blocked: { type: 'boolean', description: '只列不可发货的订单（附原因）' },
    reveal: { type: 'boolean', description: '与 --json 一起：显示完整卡密（记录在台账）' },
    ...SHOP_OPTION,
  },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const filter = options.shippable ? 'shippable' : options.blocked ? 'blocked' : 'all';
    const rows: Order[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await call(core, 'orders.list', { shopId: shop.id, filter, offset, limit: PAGE });
      rows.push(...page.rows);
      if (rows.length >= page.total || page.rows.length === 0) break;
    }
    if (json) {
      const filled = rows.filter((x) => x.items.length).map((x) => x.orderNo);
      // One recorded reveal for the whole listing, not one per order.
      const full: Record<string, unknown> = options.reveal && filled.length ? await call(core, 'allocation.revealMany', { shopId: shop.id, orderNos: filled }) : {};
      outJson(rows.map((o) => ({
        ...orderJson(o),
        items: options.reveal && o.items.length ? full[o.orderNo] : o.items.map((i) => ({ id: i.itemId, kind: i.kind, masked: i.masked, rentalUntil: i.rentalUntil, expiresAt: i.expiresAt })),
      })));
      return EXIT.OK;
    }
    if (rows.length === 0) {
      out(`店铺「${shop.name}」没有${filter === 'all' ? '' : filter === 'shippable' ? '可发货的' : '不可发货的'}订单`);
      return EXIT.OK;
    }
    for (const o of rows) {
      const verdict = o.shippable ? '可发货' : `不可发货：${o.reason ? REASONS[o.reason] : ''}`;
      out([o.orderNo, o.status, verdict, o.productName, o.spec, `×${o.quantity}`, o.shipBy ? `承诺 ${o.shipBy.replace('T', ' ').slice(0, 16)}` : ''].filter(Boolean).join('  '));
    }
    out(`共 ${rows.length} 个订单`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const ordersCommands: Command[] = [ordersCommand];

import { checkAllOrders, getOrder, listOrders, ordersSummary } from '../core/services/orders';
import type { FeatureHandlers, HandlerContext } from './context';

export const ordersHandlers = ({ db }: HandlerContext): FeatureHandlers<'orders'> => ({
  'orders.list': (req) => listOrders(db, req),
  'orders.checkAll': (req) => checkAllOrders(db, req),
  'orders.summary': (req) => ordersSummary(db, req.shopId),
  'orders.get': (req) => getOrder(db, req.shopId, req.orderNo),
});

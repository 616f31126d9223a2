import {
  assign, assignMany, markRecharged, markRechargedMany, previewSupplierFile, productAccounts, revealOrder, revealOrders, runFill, unassign, undoLastFill,
} from '../core/services/allocation';
import type { FeatureHandlers, HandlerContext } from './context';

export const allocationHandlers = ({ db }: HandlerContext): FeatureHandlers<'allocation'> => ({
  'allocation.fill': (req) => runFill(db, req.shopId),
  'allocation.undoFill': (req) => undoLastFill(db, req.shopId),
  'allocation.assign': (req) => assign(db, req.shopId, req.orderNo, req.items),
  'allocation.assignMany': (req) => assignMany(db, req.shopId, req.entries),
  'allocation.unassign': (req) => unassign(db, req.shopId, req.orderNo),
  'allocation.recharged': (req) => markRecharged(db, req.shopId, req.orderNo, req.ref ?? ''),
  'allocation.rechargedMany': (req) => markRechargedMany(db, req.shopId, req.entries),
  'allocation.supplierPreview': (req) => previewSupplierFile(db, req.shopId, req.file),
  'allocation.reveal': (req) => revealOrder(db, req.shopId, req.orderNo),
  'allocation.revealMany': (req) => revealOrders(db, req.shopId, req.orderNos),
  'allocation.accounts': (req) => productAccounts(db, req.shopId, req.skuKey),
});

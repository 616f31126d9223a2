import { importStockRequest, listBatches, listItems, moveItems, restoreItems, revealItem, voidItems } from '../core/services/stock';
import type { FeatureHandlers, HandlerContext } from './context';

export const stockHandlers = ({ db }: HandlerContext): FeatureHandlers<'stock'> => ({
  'stock.import': (req) => importStockRequest(db, req),
  'stock.batches': (req) => listBatches(db, req.shopId, req.skuKey),
  'stock.items': (req) => listItems(db, req),
  'stock.void': (req) => voidItems(db, req),
  'stock.restore': (req) => restoreItems(db, req),
  'stock.move': (req) => moveItems(db, req),
  'stock.reveal': (req) => revealItem(db, req.shopId, req.itemId),
});

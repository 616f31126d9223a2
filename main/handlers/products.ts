import { confirmMany, listProducts, setProduct } from '../core/services/products';
import type { FeatureHandlers, HandlerContext } from './context';

export const productsHandlers = ({ db }: HandlerContext): FeatureHandlers<'products'> => ({
  'products.list': (req) => listProducts(db, req.shopId),
  'products.set': (req) => setProduct(db, req.shopId, req.skuKey, req),
  'products.confirmMany': (req) => confirmMany(db, req.shopId, req.skuKeys),
});

/** Products: the 商品与卡库 screen (list, editor, each product's stock), the products list, and product rules the orders need. */
export { ProductsScreen, type ProductRequest, type ProductsViewRequest } from './ProductsScreen';
export { useProducts, type ProductsState } from './useProducts';
export { itemsPerUnit } from './kinds';
export { orderSkuKey, skuCodeOf, skuKeyLabel } from './sku-key';

/** Shops: the current shop as a context for every screen, and the switcher the top bar places. */
export { ShopProvider, useShop, useShops, type ShopScope, type ShopsBoot, type ShopsState } from './ShopProvider';
export { ShopSwitcher, ShopTypeTag } from './ShopSwitcher';

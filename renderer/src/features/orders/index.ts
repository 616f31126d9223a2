/** Orders: the orders screen (counts, filters, grid, drawer) and the shop's counts for the window. */
export { OrdersScreen } from './OrdersScreen';
export { useOrdersSummary } from './useOrdersSummary';
export { OrderDrawer } from './OrderDrawer';

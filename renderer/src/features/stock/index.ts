/** Stock: one product's stock (import, batches, items, account rentals) and the rules of which products have stock. */
export { StockView } from './StockView';
export { isLowStock, isStocked } from './stocked';

/**
 * Binding stock to orders. Every entry point is one IMMEDIATE transaction, so SQLite serialises
 * writers across processes (the app and the CLI on one data folder) and a crash leaves the
 * database as before or after. The schema backs the guarantees: a partial unique index binds a
 * single-use item to at most one order, and a trigger refuses to release an exported allocation.
 *
 * fill.ts: automatic fills and their undo · assign.ts: by hand, and recharge marks ·
 * release.ts: items back to stock or into quarantine · items.ts: what orders hold, and reveals ·
 * needs.ts: what an order needs, shared by fill and assign · recharge.ts: top-ups marked in bulk,
 * and a supplier's result file read.
 */
export { fill, runFill, undoLastFill } from './fill';
export { assign, assignMany, markRecharged } from './assign';
export { applyStatusToAllocations, releaseOrQuarantine, unassign } from './release';
export { orderItems, productAccounts, revealOrder, revealOrderItems, revealOrders } from './items';
export { markRechargedMany, previewSupplierFile } from './recharge';

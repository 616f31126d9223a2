import type { ShipState } from '../../../../shared/domain';
import { ACTIVE_FINDING } from '../rules/findings';

/**
 * An order is ready for the shipment file: 待发货 with no after-sale, filled (or marked recharged),
 * no active block (a block lifted by an override does not count), and not exported — or exported
 * and reported failed by the backend's result file. SQL over `orders` (unaliased).
 */
export const READY_ORDER = `orders.shippable = 1 AND (orders.ship_state IS NULL OR orders.ship_state = 'upload_failed')
  AND EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = orders.id AND a.released_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.order_id = orders.id AND f.severity = 'block' AND ${ACTIVE_FINDING})`;

/** orders.ship_state → the state the UI shows, and back (`ready` is derived: never stored). */
export const STATE_OF_COLUMN: Readonly<Record<string, ShipState>> = { exported: 'exported', upload_failed: 'uploadFailed', shipped: 'shipped', attention: 'attention' };
export const COLUMN_OF_STATE: Readonly<Record<Exclude<ShipState, 'ready'>, string>> = { exported: 'exported', uploadFailed: 'upload_failed', shipped: 'shipped', attention: 'attention' };

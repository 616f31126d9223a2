/**
 * Export: the shipment file (生成发货文件 dialog with its counts, narrowing, template profile and
 * preview), the 发货记录 screen (history, files to save again, the backend's result file), and
 * the ship state of an order (tag, words, tone) for the grid, the drawer and the counts.
 */
export { ExportDialog, type CheckedOrder } from './ExportDialog';
export { ExportsScreen } from './ExportsScreen';
export { ShipStateTag, shipNoteText, shipStateTip } from './ShipStateTag';
export { SHIP_STATES, shipStateHint, shipStateLabel, shipStateTone } from './ship-state';

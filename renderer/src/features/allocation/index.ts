/** Allocation: binding items to orders — auto fill and its undo, paste from Excel, the drawer's content section, 查看. */
export { useFill, type Fill } from './useFill';
export { usePasteItems, type PasteItems } from './usePasteItems';
export { FillSummaryModal } from './FillSummaryModal';
export { PasteItemsModal } from './PasteItemsModal';
export { OrderContentSection } from './OrderContentSection';
export { OrderRevealModal } from './OrderRevealModal';
export { itemLabel } from './item-label';
export { useRecharge, type Recharge } from './useRecharge';

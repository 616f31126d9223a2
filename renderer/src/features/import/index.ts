/** Import of order exports: the flow (useOrderImport), the picker, the panels and the empty shop's drop target. */
export { useOrderImport, type OrderImport } from './useOrderImport';
export { useImportPicker } from './useImportPicker';
export { ImportFileInput } from './ImportFileInput';
export { ImportPanels } from './ImportPanels';
export { EmptyDropZone } from './EmptyDropZone';

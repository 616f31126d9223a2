/** The shipment file: what is ready, the export itself, its history, the backend's result file, the template. */
export { READY_ORDER } from './ready';
export { previewExport, runExport } from './run';
export { exportFile, exportRecord, listExports } from './history';
export { readUploadResult } from './result';
export { clearTemplate, readTemplateFile, setTemplate, templateProfile, applyChoices } from './template';

/**
 * Importing order exports: parse-file.ts reads and checks one file (no database), write-import.ts
 * writes all of them in one transaction, import-order-files.ts runs the two; list-imports.ts
 * lists what was imported.
 */
export { importOrderFiles } from './import-order-files';
export { parseOrderFile, type ImportFile, type ImportOptions, type ImportProgressEvent, type ParsedFile } from './parse-file';
export { listImports } from './list-imports';

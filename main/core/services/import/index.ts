/**
 * Importing order exports: parse-file.ts reads and checks one file and hands on its orders (no
 * database), write-import.ts streams them into the shop in one transaction, import-order-files.ts
 * runs an import; list-imports.ts lists what was imported.
 */
export { importOrderFiles } from './import-order-files';
export { parseOrderFile, type ImportFile, type ImportOptions, type ImportProgressEvent, type ParsedFile } from './parse-file';
export { listImports } from './list-imports';

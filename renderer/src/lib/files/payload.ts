import type { FilePayload } from '../../../../shared/contract';
import { firstTooLarge } from '../../../../shared/rules/file-limits';
import { BridgeError } from '../../bridge';

/**
 * Dropped or picked files cross the bridge as name + bytes (see ARCHITECTURE.md, The bridge).
 * A file over the import limit is refused from its size, before a byte of it is read into memory.
 */
export async function toFilePayloads(files: File[]): Promise<FilePayload[]> {
  const huge = firstTooLarge(files);
  if (huge) throw new BridgeError(huge);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** What the picker offers; .xls is accepted so the core can explain how to convert it. */
export const IMPORT_ACCEPT = '.csv,.xlsx,.zip,.xls';
export const MAX_FILES_PER_IMPORT = 50;

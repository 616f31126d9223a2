/**
 * A folder of 2,000 screenshots crosses the bridge in requests of at most
 * EVIDENCE_FILES_PER_REQUEST files and at most `maxBytes` (the browser-mode host caps a request's
 * body: shared/rules/file-limits.ts), reading each batch only when it is sent. A file over the
 * evidence limit is refused from its size, never read.
 */
import { EVIDENCE_FILES_PER_REQUEST, EVIDENCE_MAX_BYTES } from '../../../../shared/domain/evidence';
import { WEB_MAX_BODY_BYTES } from '../../../../shared/rules/file-limits';

/** Room left in a request for its framing and the other fields. */
const OVERHEAD = 1024 * 1024;
export const BATCH_MAX_BYTES = WEB_MAX_BODY_BYTES - OVERHEAD;

export interface SizedFile {
  name: string;
  size: number;
}

export interface Batches<F> {
  batches: F[][];
  /** Over EVIDENCE_MAX_BYTES: refused without reading. */
  tooLarge: F[];
}

export function batchFiles<F extends SizedFile>(files: readonly F[], maxFiles = EVIDENCE_FILES_PER_REQUEST, maxBytes = BATCH_MAX_BYTES): Batches<F> {
  const batches: F[][] = [];
  const tooLarge: F[] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const f of files) {
    if (f.size > EVIDENCE_MAX_BYTES) {
      tooLarge.push(f);
      continue;
    }
    if (current.length > 0 && (current.length >= maxFiles || bytes + f.size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length) batches.push(current);
  return { batches, tooLarge };
}

/** Evidence files cross the bridge as name + bytes + their time on disk (the capture time when the image says none). */
import type { FilePayload } from '../../../../shared/contract';

export type EvidencePayload = FilePayload & { modifiedAt?: number };

export async function toEvidencePayloads(files: readonly File[], withTime = true): Promise<EvidencePayload[]> {
  return Promise.all(files.map(async (f) => ({
    name: f.name,
    bytes: new Uint8Array(await f.arrayBuffer()),
    ...(withTime && f.lastModified > 0 ? { modifiedAt: Math.floor(f.lastModified) } : {}),
  })));
}

/** The MIME type a saved delivery record or pack is written with. */
export function savedType(name: string): string {
  if (/\.png$/i.test(name)) return 'image/png';
  if (/\.pdf$/i.test(name)) return 'application/pdf';
  if (/\.zip$/i.test(name)) return 'application/zip';
  return 'application/octet-stream';
}

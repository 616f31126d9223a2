/**
 * Text encoding of a CSV as PDD exports and Excel/WPS re-saves write it: UTF-8 (with or without
 * BOM) or GB18030 (a superset of GBK). Detected by decoding, never assumed from the name:
 * bytes that are valid UTF-8 are UTF-8; anything else is read as GB18030.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return decodeAuto(bytes).encoding;
}

/** Detects and decodes in one pass (the strict UTF-8 attempt is the decode when it succeeds). */
export function decodeAuto(bytes: Uint8Array): { encoding: TextEncoding; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'gb18030', text: new TextDecoder('gb18030').decode(bytes) };
  }
}

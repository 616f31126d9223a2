/**
 * Binary-safe framing for the browser-mode bridge: JSON with every Uint8Array lifted out into
 * raw blobs after it, so a 30 MB export crosses without base64. Layout:
 * [u32 BE json length][json utf-8][blob 0][blob 1]...; a lifted array becomes {"$blob": i, "n": len}.
 */
export function encodeWire(value: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  // The holder's own value, not `v`: JSON.stringify hands the replacer a Node Buffer's toJSON()
  // ({ type: 'Buffer', data: [...] }), which would cross as a plain object, not as bytes.
  const json = JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    const raw = this[k];
    if (raw instanceof Uint8Array) {
      blobs.push(raw);
      return { $blob: blobs.length - 1, n: raw.byteLength };
    }
    return v;
  });
  const head = new TextEncoder().encode(json ?? 'null');
  let total = 4 + head.byteLength;
  for (const b of blobs) total += b.byteLength;
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, head.byteLength);
  out.set(head, 4);
  let at = 4 + head.byteLength;
  for (const b of blobs) {
    out.set(b, at);
    at += b.byteLength;
  }
  return out;
}

export function decodeWire(buf: Uint8Array): unknown {
  if (buf.byteLength < 4) throw new Error('wire: short frame');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const len = view.getUint32(0);
  if (4 + len > buf.byteLength) throw new Error('wire: bad length');
  const json = new TextDecoder().decode(buf.subarray(4, 4 + len));
  let at = 4 + len;
  const blobs: Uint8Array[] = [];
  const parsed: unknown = JSON.parse(json, (_k, v: unknown) => {
    if (v && typeof v === 'object' && '$blob' in v && 'n' in v) {
      const n = (v as { n: number }).n;
      const idx = (v as { $blob: number }).$blob;
      if (idx !== blobs.length || at + n > buf.byteLength) throw new Error('wire: bad blob');
      const b = buf.slice(at, at + n);
      at += n;
      blobs.push(b);
      return b;
    }
    return v;
  });
  return parsed;
}

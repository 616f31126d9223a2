import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { formatBytes, type IoLimits } from './limits';

/**
 * Reading a .zip (or the zip that an .xlsx is) without trusting it. fflate's unzipSync sizes its
 * output from the declared size and checks no CRC, so a lying entry was read truncated and
 * accepted, and a bomb was inflated before anything could refuse it. Here the central directory
 * is read by hand; each entry is checked against the limits from its declared sizes before
 * inflating, inflated into a buffer no larger than its declared size (zlib stops the moment the
 * data says more), and its size and CRC-32 compared with the record.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

/** What the file is, for the words of its errors: an .xlsx's damaged part is a damaged Excel file. */
export type ZipKind = 'zip' | 'xlsx';

/** Unpacked bytes so far, shared by every entry read from one dropped file. */
export interface UnpackBudget {
  used: number;
}

const corrupt = (kind: ZipKind): ErrorCode => (kind === 'zip' ? 'ZIP_CORRUPT' : 'XLSX_CORRUPT');
/** A .zip's lying entry is ZIP_CHECKSUM; an .xlsx's is XLSX_CORRUPT (the merchant dropped an Excel file, not a zip). */
const checksum = (kind: ZipKind): ErrorCode => (kind === 'zip' ? 'ZIP_CHECKSUM' : 'XLSX_CORRUPT');

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory, in order. Throws ZIP_CORRUPT / XLSX_CORRUPT when it cannot be read. */
export function listZip(bytes: Uint8Array, file: string, kind: ZipKind): ZipEntry[] {
  const bad = (detail: string): AppError => new AppError(corrupt(kind), { file, detail });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw bad('no end of central directory');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(bytes, eocd - 12);
    if (z + 56 > bytes.length || u32(bytes, z) !== ZIP64_EOCD) throw bad('bad zip64 end of central directory');
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw bad('central directory beyond the end of the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) throw bad('bad central directory entry');
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const e: ZipEntry = {
      name: entryName(bytes.subarray(p + 46, p + 46 + nameLen), flags),
      method: u16(bytes, p + 10),
      flags,
      crc: u32(bytes, p + 16),
      packedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    };
    readZip64Extra(bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Sizes and offset too large for 32 bits live in the zip64 extra field, in this order, only those that overflowed. */
function readZip64Extra(extra: Uint8Array, e: ZipEntry): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = u16(extra, i);
    const len = u16(extra, i + 2);
    if (id === 0x0001) {
      let q = i + 4;
      if (e.size === 0xffffffff && q + 8 <= i + 4 + len) { e.size = u64(extra, q); q += 8; }
      if (e.packedSize === 0xffffffff && q + 8 <= i + 4 + len) { e.packedSize = u64(extra, q); q += 8; }
      if (e.localOffset === 0xffffffff && q + 8 <= i + 4 + len) e.localOffset = u64(extra, q);
      return;
    }
    i += 4 + len;
  }
}

/** UTF-8 when flagged or when it decodes as such; otherwise GBK, as Windows' own zip writes Chinese names. */
function entryName(raw: Uint8Array, flags: number): string {
  if (flags & 0x800) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/** The bomb checks, from the entry's declared sizes alone (UNPACKED_TOO_LARGE): nothing is inflated. */
export function checkEntryLimits(e: ZipEntry, file: string, limits: IoLimits, budget: UnpackBudget): void {
  const tooLarge = (limit: number): AppError => new AppError('UNPACKED_TOO_LARGE', { file, notes: [{ key: 'UNPACKED_LIMIT', params: { entry: e.name, limit: formatBytes(limit) } }] });
  if (e.size > limits.maxEntryBytes) throw tooLarge(limits.maxEntryBytes);
  if (budget.used + e.size > limits.maxTotalUnpackedBytes) throw tooLarge(limits.maxTotalUnpackedBytes);
  if (e.size > limits.ratioFloorBytes && e.size > e.packedSize * limits.maxRatio) throw tooLarge(Math.max(limits.ratioFloorBytes, e.packedSize * limits.maxRatio));
}

/** An entry's packed bytes, after the checks that need no inflating: its limits, no encryption, its local header, its extent. */
function packedEntry(bytes: Uint8Array, e: ZipEntry, file: string, kind: ZipKind, limits: IoLimits, budget: UnpackBudget) {
  const where = { file, notes: [{ key: 'ZIP_ENTRY' as const, params: { entry: e.name } }] };
  checkEntryLimits(e, file, limits, budget);
  if (e.flags & 1) throw new AppError(corrupt(kind), { ...where, detail: 'encrypted entry' });
  const lh = e.localOffset;
  if (lh + 30 > bytes.length || u32(bytes, lh) !== LOCAL) throw new AppError(corrupt(kind), { ...where, detail: 'bad local header' });
  const start = lh + 30 + u16(bytes, lh + 26) + u16(bytes, lh + 28);
  if (start + e.packedSize > bytes.length) throw new AppError(corrupt(kind), { ...where, detail: 'entry beyond the end of the file' });
  return { where, packed: bytes.subarray(start, start + e.packedSize) };
}

/**
 * One entry's bytes, checked: refused before inflating when its declared size breaks a limit,
 * inflated with its declared size as the bound, then held to that size and its CRC-32.
 */
export function readZipEntry(bytes: Uint8Array, e: ZipEntry, file: string, kind: ZipKind, limits: IoLimits, budget: UnpackBudget): Uint8Array {
  const { where, packed } = packedEntry(bytes, e, file, kind, limits, budget);
  let data: Uint8Array;
  if (e.method === 0) {
    data = packed;
  } else if (e.method === 8) {
    try {
      // One buffer of the declared size (+1, so that more data than declared is seen, not cut).
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, e.size + 1) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new AppError(checksum(kind), where);
      throw new AppError(corrupt(kind), { ...where, detail: (err as Error).message });
    }
  } else {
    throw new AppError(corrupt(kind), { ...where, detail: `compression method ${e.method}` });
  }
  if (data.length !== e.size || crc32(data) >>> 0 !== e.crc) throw new AppError(checksum(kind), where);
  budget.used += data.length;
  return data;
}

/** Packed bytes inflated at a time by readZipEntryChunks. */
const STREAM_PACKED = 64 * 1024;

/**
 * One entry's bytes in chunks, for a part too large to hold unpacked (a sheet of a million rows
 * is a gigabyte of XML): the same checks as readZipEntry — limits by its declared size before
 * anything is inflated, never more than that size inflated, its size and CRC-32 at the end — but
 * each chunk handed on as it comes. A lying entry is refused after its chunks were read: the
 * caller must not keep what it made of them (an import rolls back).
 */
export function readZipEntryChunks(bytes: Uint8Array, e: ZipEntry, file: string, kind: ZipKind, limits: IoLimits, budget: UnpackBudget, onChunk: (chunk: Uint8Array) => void): void {
  const { where, packed } = packedEntry(bytes, e, file, kind, limits, budget);
  let size = 0;
  let crc = 0;
  const take = (chunk: Uint8Array): void => {
    size += chunk.length;
    if (size > e.size) throw new AppError(checksum(kind), where);
    crc = crc32(chunk, crc);
    onChunk(chunk);
  };
  if (e.method === 0) {
    for (let at = 0; at < packed.length; at += STREAM_PACKED) take(packed.subarray(at, Math.min(packed.length, at + STREAM_PACKED)));
  } else if (e.method === 8) {
    const inflate = new Inflate((chunk) => take(chunk));
    for (let at = 0; at < packed.length || at === 0; at += STREAM_PACKED) {
      const end = Math.min(packed.length, at + STREAM_PACKED);
      try {
        inflate.push(packed.subarray(at, end), end === packed.length);
      } catch (err) {
        // fflate's own errors carry a numeric code; anything else came from a reader of the chunks.
        if (typeof (err as { code?: unknown }).code !== 'number') throw err;
        throw new AppError(corrupt(kind), { ...where, detail: (err as Error).message });
      }
      if (end === packed.length) break;
    }
  } else {
    throw new AppError(corrupt(kind), { ...where, detail: `compression method ${e.method}` });
  }
  if (size !== e.size || crc >>> 0 !== e.crc) throw new AppError(checksum(kind), where);
  budget.used += size;
}

/** An entry ready for a zip: its name, its CRC-32 and size, and its deflated bytes (compressed once, reusable). */
export interface PackedEntry { name: Uint8Array; crc: number; size: number; data: Uint8Array }

/** Deflates one entry with Node's zlib (native: several times faster than a JavaScript deflate for the files an export writes). */
export function packEntry(name: string, data: Uint8Array, level = 6): PackedEntry {
  return { name: new TextEncoder().encode(name), crc: crc32(data) >>> 0, size: data.length, data: deflateRawSync(data, { level }) };
}

/**
 * A zip of packed entries (UTF-8 names, deflate, no zip64: the files VShip writes are small).
 * The writer beside the reader: the reader above reads back what this writes.
 */
export function writeZip(entries: readonly PackedEntry[]): Uint8Array {
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1; // 2026-01-01: fixed, so the same content gives the same bytes
  let size = 22;
  for (const e of entries) size += 30 + e.name.length + e.data.length + 46 + e.name.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(p);
    dv.setUint32(p, LOCAL, true); dv.setUint16(p + 4, 20, true); dv.setUint16(p + 6, 0x800, true); dv.setUint16(p + 8, 8, true);
    dv.setUint16(p + 10, DOS_TIME, true); dv.setUint16(p + 12, DOS_DATE, true);
    dv.setUint32(p + 14, e.crc, true); dv.setUint32(p + 18, e.data.length, true); dv.setUint32(p + 22, e.size, true);
    dv.setUint16(p + 26, e.name.length, true); dv.setUint16(p + 28, 0, true);
    out.set(e.name, p + 30);
    out.set(e.data, p + 30 + e.name.length);
    p += 30 + e.name.length + e.data.length;
  }
  const cd = p;
  entries.forEach((e, i) => {
    dv.setUint32(p, CENTRAL, true); dv.setUint16(p + 4, 20, true); dv.setUint16(p + 6, 20, true); dv.setUint16(p + 8, 0x800, true); dv.setUint16(p + 10, 8, true);
    dv.setUint16(p + 12, DOS_TIME, true); dv.setUint16(p + 14, DOS_DATE, true);
    dv.setUint32(p + 16, e.crc, true); dv.setUint32(p + 20, e.data.length, true); dv.setUint32(p + 24, e.size, true);
    dv.setUint16(p + 28, e.name.length, true); // extra, comment, disk, internal attrs: 0
    dv.setUint32(p + 38, 0, true); dv.setUint32(p + 42, offsets[i], true);
    out.set(e.name, p + 46);
    p += 46 + e.name.length;
  });
  dv.setUint32(p, EOCD, true); dv.setUint16(p + 8, entries.length, true); dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cd, true); dv.setUint32(p + 16, cd, true);
  return out;
}

/**
 * Sizes every host agrees on, so a file too large is refused where it is picked, before its bytes
 * cross the bridge: the import's own cap on one file (main/core/io/limits.ts takes it from here)
 * and the browser-mode host's cap on one request.
 */
import { AppError, type AppErrorData } from '../errors';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** One order export or stock file: 2.5× a 1,000,000-order CSV (DOMAIN.md §3). */
export const MAX_IMPORT_FILE_BYTES = 1 * GiB;

/**
 * One browser-mode request, files included. The host holds a body twice (received, then decoded),
 * so 256 MiB and two uploads at a time keep it near 1 GiB; larger exports go through the desktop
 * app or `vship import`, which read from disk.
 */
export const WEB_MAX_BODY_BYTES = 256 * MiB;

/** A byte count as the merchant reads it: "1.5 GB", "200 MB", "512 KB", "80 B" (binary units, as Windows shows them). */
export function formatBytes(n: number): string {
  const fmt = (v: number): string => String(Math.round(v * 10) / 10);
  if (n >= GiB) return `${fmt(n / GiB)} GB`;
  if (n >= MiB) return `${fmt(n / MiB)} MB`;
  if (n >= 1024) return `${fmt(n / 1024)} KB`;
  return `${n} B`;
}

/** The refusal of a file or request over `limit` bytes, said where it is found (by size, unread). */
export function tooLargeError(limit: number, file?: string): AppErrorData {
  return new AppError('FILE_TOO_LARGE', { ...(file ? { file } : {}), notes: [{ key: 'SIZE_LIMIT', params: { limit: formatBytes(limit) } }] }).toData();
}

/** The first file over the import limit, refused; null when all fit. */
export function firstTooLarge(files: readonly { name: string; size: number }[]): AppErrorData | null {
  const huge = files.find((f) => f.size > MAX_IMPORT_FILE_BYTES);
  return huge ? tooLargeError(MAX_IMPORT_FILE_BYTES, huge.name) : null;
}

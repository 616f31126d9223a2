/** The name a pasted screenshot is kept under: 粘贴截图-<订单号>-<北京时间>.png (the clipboard gives none worth keeping). */
const pad = (n: number) => String(n).padStart(2, '0');

/** `粘贴截图-240612-1234567890-20260612-103005.png`; the time is Beijing time, as every time VShip keeps. */
export function pastedFileName(prefix: string, orderNo: string, nowMs: number, ext = 'png'): string {
  const d = new Date(nowMs + 8 * 3600_000);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${prefix}-${orderNo}-${stamp}.${ext}`;
}

/** The extension of a pasted image by its type (screenshot tools put PNG; some put JPEG or BMP). */
export function pastedExt(type: string): string {
  const m = /^image\/(png|jpeg|webp|bmp|gif)$/i.exec(type);
  if (!m) return 'png';
  return m[1].toLowerCase() === 'jpeg' ? 'jpg' : m[1].toLowerCase();
}

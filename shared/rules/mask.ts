/** Secrets shown in lists: the ends kept so the merchant can tell items apart, the middle hidden. */
export function maskSecret(s: string): string {
  const t = s.trim();
  if (t.length <= 4) return '****';
  if (t.length < 10) return t.slice(0, 2) + '****' + t.slice(-2);
  return t.slice(0, 4) + '****' + t.slice(-4);
}

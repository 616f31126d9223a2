/**
 * Secrets shown in lists: the ends kept so the merchant can tell items apart, the middle hidden.
 * At most a third of the secret shows, and never more than 4 characters whatever its length
 * (2 at the start + 2 at the end from 12 characters on; fewer for shorter ones, the start getting
 * the odd one); 3 characters or fewer show nothing. Four stars always, so the length is not told.
 */
export function maskSecret(s: string): string {
  const t = s.trim();
  const visible = t.length <= 3 ? 0 : Math.min(4, Math.floor(t.length / 3));
  const head = Math.ceil(visible / 2);
  const tail = visible - head;
  return t.slice(0, head) + '****' + (tail ? t.slice(-tail) : '');
}

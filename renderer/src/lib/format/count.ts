/** Counts as the seller centres show them: grouped by thousands (50,000). The unit of a kind's items: i18n `unitLabel`. */

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 50000 → "50,000"; 1234.5 → "1,234.5"; a non-number passes through as written. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? GROUPED.format(n) : String(n);
}

import type { Finding } from '../../../../shared/domain';

/**
 * What an order's or a product's findings come to, for a badge: active blocks (拦截 N), or every
 * block lifted by an override (已放行), or warnings only (提醒 N); null when nothing was found.
 */
export type FindingsVerdict = { tone: 'block' | 'warn' | 'overridden'; count: number };

export function findingsVerdict(findings: readonly Finding[]): FindingsVerdict | null {
  const blocks = findings.filter((f) => f.severity === 'block');
  const active = blocks.filter((f) => !f.override);
  if (active.length) return { tone: 'block', count: active.length };
  if (blocks.length) return { tone: 'overridden', count: blocks.length };
  const warns = findings.filter((f) => f.severity === 'warn' && !f.override);
  return warns.length ? { tone: 'warn', count: warns.length } : null;
}

/** Active blocks first, then warnings, then the lifted ones; the core's order within each. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.override ? 2 : f.severity === 'block' ? 0 : 1);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}

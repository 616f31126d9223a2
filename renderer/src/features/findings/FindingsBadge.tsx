/**
 * The compact 规则 badge of an order or a product: 拦截 N (red), 提醒 N (orange), 已放行 (blue).
 * A plain span like the grid's other tags: thousands of rows pass through it while scrolling.
 * The native tooltip lists each finding.
 */
import type { Finding } from '../../../../shared/domain';
import { t } from '../../i18n';
import { findingLabel } from '../rules';
import { findingsVerdict } from './verdict';
import '../../ui/tags.css';
import './findings.css';

export function FindingsBadge({ findings }: { findings: readonly Finding[] }) {
  const v = findingsVerdict(findings);
  if (!v) return null;
  const label = v.tone === 'block' ? t('findings.badge.block', { count: v.count })
    : v.tone === 'warn' ? t('findings.badge.warn', { count: v.count })
      : t('findings.badge.overridden');
  return <span className={`cell-tag finding-badge finding-${v.tone}`} data-testid="findings-badge" data-tone={v.tone}>{label}</span>;
}

/** The badge's tooltip: one line per finding, 「[拦截] 商品限 江苏，订单省份是 上海」. */
export function findingsTip(findings: readonly Finding[]): string {
  return findings.map((f) => `${t(f.override ? 'findings.tipOverridden' : f.severity === 'block' ? 'findings.tipBlock' : 'findings.tipWarn')} ${findingLabel(f)}`).join('\n');
}

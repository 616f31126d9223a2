import type { Finding, RuleInfo } from '../../../../shared/domain';
import { fillParams } from '../../../../shared/errors';
import { RULES } from '../../../../shared/rules/platform/catalogue';
import { t, type MessageKey } from '../../i18n';

/**
 * 「把租期改为 15 天以内；…」: how to fix a finding (`rules.<ID>.fix`), filled with the rule's
 * current parameters and the finding's own values (`{province}` …). The core's Chinese until the
 * catalogue has the key.
 */
export function ruleFix(f: Pick<Finding, 'rule' | 'params'>, info: RuleInfo | undefined): string {
  const vars: Record<string, string | number> = {};
  const params = info?.params ?? Object.entries(RULES[f.rule].params).map(([name, p]) => ({ name, value: p.default }));
  for (const p of params) vars[p.name] = Array.isArray(p.value) ? p.value.join(t('terms.listSep')) : typeof p.value === 'boolean' ? String(p.value) : p.value;
  Object.assign(vars, f.params);
  const key = `rules.${f.rule}.fix`;
  const text = t(key as MessageKey, vars);
  return text === key ? fillParams(RULES[f.rule].fix, vars) : text;
}

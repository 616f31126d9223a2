/** A rule's parameters as the settings and the rules table say them: label, unit, value in words. */
import type { RuleId, RuleInfo, RuleParamInfo, RuleParamValue } from '../../../../shared/domain';
import { t, type MessageKey } from '../../i18n';

/** Days or hours, by the parameter's name (the catalogue keeps units in its names). */
export function paramUnit(name: string): string | null {
  if (name === 'maxDays' || name === 'agreedDays') return t('rulesSettings.unit.days');
  if (name === 'dueWithinHours') return t('rulesSettings.unit.hours');
  return null;
}

export function paramLabel(rule: RuleId, name: string): string {
  return t(`rulesSettings.param.${rule}.${name}` as MessageKey);
}

/** 「15 天」, 「开」, 「肯德基、海底捞」. */
export function paramValueText(name: string, v: RuleParamValue): string {
  if (typeof v === 'boolean') return t(v ? 'rulesSettings.on' : 'rulesSettings.off');
  if (Array.isArray(v)) return v.length ? v.join('、') : t('rulesSettings.none');
  const unit = paramUnit(name);
  return unit ? `${v} ${unit}` : String(v);
}

const sameValue = (a: RuleParamValue, b: RuleParamValue) => JSON.stringify(a) === JSON.stringify(b);

export function paramChanged(p: RuleParamInfo, v: RuleParamValue = p.value): boolean {
  return !sameValue(v, p.default);
}

/** The values a rule's fix fills in: its current parameters, and words for what only a finding knows. */
export function fixVars(rule: RuleInfo): Record<string, string | number> {
  const vars: Record<string, string | number> = { province: t('rulesScreen.fixVar.province') };
  for (const p of rule.params) vars[p.name] = typeof p.value === 'number' ? p.value : paramValueText(p.name, p.value);
  return vars;
}

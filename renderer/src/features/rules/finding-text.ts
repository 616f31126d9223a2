/**
 * A rule's words and a finding's sentence in the UI's language: findings cross the bridge as a
 * rule id with parameters, and the sentence is `rules.<ID>.message.<key>` of the i18n catalogue
 * (the key picked as the core picks it, shared/rules/platform/finding-text.ts).
 */
import type { Finding, RuleId } from '../../../../shared/domain';
import { messageKey } from '../../../../shared/rules/platform/finding-text';
import { t, type MessageKey } from '../../i18n';

/** 「账号租赁租期不超过 15 天」 */
export function ruleTitle(id: RuleId): string {
  return t(`rules.${id}.title`);
}

/** Why the rule exists, as the platform's guidance puts it. */
export function ruleExplain(id: RuleId): string {
  return t(`rules.${id}.explain`);
}

/** How to fix a finding of the rule, its `{param}`s filled from `vars` (the rule's current parameters, or a finding's). */
export function ruleFix(id: RuleId, vars?: Record<string, string | number>): string {
  return t(`rules.${id}.fix`, vars);
}

/** 「商品限 江苏，订单省份是 上海」: one finding's sentence. */
export function findingLabel(f: Pick<Finding, 'rule' | 'params'>): string {
  return t(`rules.${f.rule}.message.${messageKey(f)}` as MessageKey, f.params);
}

/**
 * A finding and a rule in the UI's language, from the catalogue's `rules.<ID>.*` keys.
 * (Stand-in for the rules screen's own copy of this file; the merge takes theirs. Until the keys
 * are in the catalogue, the core's Chinese words are shown instead of a raw key.)
 */
import type { Finding, RuleId } from '../../../../shared/domain';
import { RULES } from '../../../../shared/rules/platform/catalogue';
import { findingText, messageKey } from '../../../../shared/rules/platform/finding-text';
import { t, type MessageKey } from '../../i18n';

/** 「商品限 江苏，订单省份是 上海」: the finding's sentence, its values filled in. */
export function findingLabel(f: Pick<Finding, 'rule' | 'params'>): string {
  const key = `rules.${f.rule}.message.${messageKey(f)}`;
  const text = t(key as MessageKey, f.params);
  return text === key ? findingText(f) : text;
}

/** 「区域性商品只卖给该地区用户」: the rule's title. */
export function ruleTitle(id: RuleId): string {
  const key = `rules.${id}.title`;
  const text = t(key as MessageKey);
  return text === key ? RULES[id].title : text;
}

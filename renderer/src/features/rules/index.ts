/** Rules: the 规则检查 screen (counts per rule, 重新检查, 规则设置), the shop's rule summary, and a finding's words. */
export { RulesScreen } from './RulesScreen';
export { useRulesSummary, type RulesSummaryState } from './useRulesSummary';
export { findingLabel, ruleExplain, ruleFix, ruleTitle } from './finding-text';

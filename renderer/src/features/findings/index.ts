/** Rule findings of orders and products: the badge, the list with 放行 / 撤回放行, the rules with their parameters. */
export { FindingsBadge, findingsTip } from './FindingsBadge';
export { FindingsList, type FindingsSubject } from './FindingsList';
export { useRules, type RulesState } from './useRules';
export { findingsVerdict, type FindingsVerdict } from './verdict';

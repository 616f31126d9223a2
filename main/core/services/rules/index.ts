export { checkShop, ruleEnv, type CheckScope } from './check';
export { findingsForOrders, findingsForProducts, listFindings, rulesSummary } from './findings';
export { addOverride, withdrawOverride } from './overrides';
export { getRuleParams, listRules, setRuleParams } from './params';
export { NUMBER_REGION_SOURCE, provinceOfNumber } from './number-region';
export { changeRuleParams, checkNow, ensureChecked } from './actions';

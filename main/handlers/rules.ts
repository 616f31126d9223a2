import { addOverride, changeRuleParams, checkNow, listFindings, listRules, rulesSummary, withdrawOverride } from '../core/services/rules';
import type { FeatureHandlers, HandlerContext } from './context';

export const rulesHandlers = ({ db }: HandlerContext): FeatureHandlers<'rules'> => ({
  'rules.list': () => listRules(db),
  'rules.setParams': (req) => changeRuleParams(db, req),
  'rules.check': (req) => checkNow(db, req.shopId),
  'rules.summary': (req) => rulesSummary(db, req.shopId),
  'rules.findings': (req) => listFindings(db, req),
  'rules.override': (req) => addOverride(db, req),
  'rules.withdraw': (req) => withdrawOverride(db, req.shopId, req.overrideId),
});

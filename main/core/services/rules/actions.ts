import type { ParsedReq } from '../../../../shared/contract';
import type { RuleInfo, RulesSummary } from '../../../../shared/domain';
import type { Db } from '../../db/open';
import { listShops } from '../shops';
import { checkShop } from './check';
import { rulesSummary } from './findings';
import { listRules, setRuleParams } from './params';

/** A change of the rules' parameters re-checks every shop, in the same transaction as the change. */
export function changeRuleParams(db: Db, req: ParsedReq<'rules.setParams'>): RuleInfo[] {
  db.transaction(() => {
    setRuleParams(db, req);
    for (const s of listShops(db)) checkShop(db, s.id);
  }).immediate();
  return listRules(db);
}

/** Checks the whole shop now (deadlines and expiries move with the clock) and sums it up; read-only data is summed as stored. */
export function checkNow(db: Db, shopId: number): RulesSummary {
  if (!db.readonly) checkShop(db, shopId);
  return rulesSummary(db, shopId);
}

/** A shop never checked (a data folder from before the rules) is checked once when the data folder opens. */
export function ensureChecked(db: Db): void {
  for (const s of listShops(db)) {
    if (!db.prepare('SELECT 1 FROM rule_checks WHERE shop_id = ?').get(s.id)) checkShop(db, s.id);
  }
}

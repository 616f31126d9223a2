/**
 * The rules with their current parameters (rules.list), asked once and shared by every screen;
 * asked again when the data changes (the shop's version), since the parameters may have been
 * edited. Until they arrive the parameters are the catalogue's defaults.
 */
import { useEffect, useMemo, useState } from 'react';
import type { RuleId, RuleInfo, RuleParams } from '../../../../shared/domain';
import { defaultRuleParams } from '../../../../shared/rules/platform/catalogue';
import { call } from '../../bridge';
import { useShop } from '../shops';

let cached: { version: number; rules: Promise<RuleInfo[]> } | null = null;
let last: RuleInfo[] | null = null;

function loadRules(version: number): Promise<RuleInfo[]> {
  if (!cached || cached.version !== version) {
    const rules = call('rules.list', undefined).then((list) => (last = list));
    rules.catch(() => {
      if (cached?.rules === rules) cached = null;
    });
    cached = { version, rules };
  }
  return cached.rules;
}

export interface RulesState {
  /** null until rules.list answers. */
  rules: RuleInfo[] | null;
  byId: ReadonlyMap<RuleId, RuleInfo>;
  /** Every rule's parameter values, for the pure checks (defaults until loaded). */
  params: Record<RuleId, RuleParams>;
}

export function useRules(): RulesState {
  const { version } = useShop();
  const [rules, setRules] = useState<RuleInfo[] | null>(last);
  useEffect(() => {
    let live = true;
    loadRules(version).then((list) => live && setRules(list), () => undefined);
    return () => {
      live = false;
    };
  }, [version]);
  return useMemo(() => {
    const byId = new Map((rules ?? []).map((r) => [r.id, r]));
    const params = defaultRuleParams();
    for (const r of rules ?? []) for (const p of r.params) params[r.id][p.name] = p.value;
    return { rules, byId, params };
  }, [rules]);
}

import type { ParsedReq } from '../../../../shared/contract';
import type { RuleId, RuleInfo, RuleParams, RuleParamValue } from '../../../../shared/domain';
import { RULE_IDS } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { defaultRuleParams, RULES, type ParamDef } from '../../../../shared/rules/platform/catalogue';
import type { Db } from '../../db/open';

/** The settings key holding the parameters the merchant changed: `{ RULE_ID: { param: value } }`. */
const KEY = 'rules';

function stored(db: Db): Partial<Record<RuleId, RuleParams>> {
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (!v) return {};
  try {
    return JSON.parse(v) as Partial<Record<RuleId, RuleParams>>;
  } catch {
    return {};
  }
}

const sameValue = (a: RuleParamValue, b: RuleParamValue) => JSON.stringify(a) === JSON.stringify(b);

/** A stored value that still fits its parameter (a later version may have changed one); else the default. */
function valid(def: ParamDef, v: unknown): v is RuleParamValue {
  if (def.type === 'int') return typeof v === 'number' && Number.isInteger(v) && v >= (def.min ?? 0) && v <= (def.max ?? Infinity);
  if (def.type === 'bool') return typeof v === 'boolean';
  return Array.isArray(v) && v.every((w) => typeof w === 'string');
}

/** Every rule's parameters: the seed's defaults with the merchant's changes over them. */
export function getRuleParams(db: Db): Record<RuleId, RuleParams> {
  const out = defaultRuleParams();
  const s = stored(db);
  for (const id of RULE_IDS) {
    for (const [name, v] of Object.entries(s[id] ?? {})) {
      const def = RULES[id].params[name];
      if (def && valid(def, v)) out[id][name] = v;
    }
  }
  return out;
}

export function listRules(db: Db): RuleInfo[] {
  const params = getRuleParams(db);
  return RULE_IDS.map((id) => {
    const def = RULES[id];
    const ps = Object.entries(def.params).map(([name, p]) => ({
      name, type: p.type, value: params[id][name], default: p.default,
      ...(p.min !== undefined ? { min: p.min } : {}), ...(p.max !== undefined ? { max: p.max } : {}),
    }));
    return {
      id, scope: def.scope, severity: def.severity, clause: def.clause, title: def.title, explain: def.explain, fix: def.fix,
      overridable: def.overridable, params: ps, changed: ps.some((p) => !sameValue(p.value, p.default)),
    };
  });
}

/** Words from the UI or the CLI: trimmed, empty ones and repeats dropped. */
function cleanWords(words: string[]): string[] {
  return [...new Set(words.map((w) => w.trim()).filter(Boolean))];
}

/**
 * Changes a rule's parameters (checked against their definitions: RULE_PARAM_INVALID names the
 * parameter), or resets one rule or all of them to the seed's values. Values equal to the default
 * are not stored, so a later change of a default reaches merchants who never touched it.
 */
export function setRuleParams(db: Db, req: ParsedReq<'rules.setParams'>): void {
  const s = stored(db);
  if (req.reset && !req.rule) {
    for (const k of Object.keys(s)) delete s[k as RuleId];
  } else if (req.rule) {
    const id = req.rule;
    const next: RuleParams = req.reset ? {} : { ...(s[id] ?? {}) };
    for (const [name, raw] of Object.entries(req.params ?? {})) {
      const def = RULES[id].params[name];
      if (!def) throw new AppError('RULE_PARAM_INVALID', { detail: `${id}.${name}` });
      const v = Array.isArray(raw) ? cleanWords(raw) : raw;
      if (!valid(def, v)) throw new AppError('RULE_PARAM_INVALID', { detail: `${id}.${name}=${JSON.stringify(raw)}` });
      if (sameValue(v, def.default)) delete next[name];
      else next[name] = v;
    }
    if (Object.keys(next).length) s[id] = next;
    else delete s[id];
  } else {
    throw new AppError('INVALID_REQUEST', { detail: 'rule or reset' });
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(s));
}

import type { FindingRow, RuleId, RuleInfo, RuleParamValue, RulesSummary } from '../../../shared/domain';
import { RULE_IDS } from '../../../shared/domain';
import { RULES, type ParamDef } from '../../../shared/rules/platform/catalogue';
import { NUMBER_REGION_SOURCE } from '../../core/services/rules/number-region';
import { call } from '../call';
import { defineCommand, type Command, type OptionSpecs, type ValueOption } from '../command';
import { helpHint, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { displayWidth } from '../help';
import { InvalidValue, nameList, oneOf } from '../option-values';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';

const SEVERITY = { block: '拦截', warn: '提醒' } as const;
const RULE_CHOICE = oneOf(RULE_IDS);
const PAGE = 100_000;

/** `--rule <规则>`: one of the rule ids (a wrong one is a usage error listing them all). */
const RULE_OPTION = { type: 'string', value: '<规则>', description: '规则编号，如 REGION_LOCK（vship rules 列出全部）', parse: RULE_CHOICE } as const;

/** A parameter's value as the merchant types it: `15`, `true`, `肯德基,海底捞`. */
function showValue(v: RuleParamValue): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/** `maxDays=7（默认 15）`, or `maxDays=15` when unchanged. */
function showParam(p: RuleInfo['params'][number]): string {
  const v = `${p.name}=${showValue(p.value)}`;
  return JSON.stringify(p.value) === JSON.stringify(p.default) ? v : `${v}（默认 ${showValue(p.default)}）`;
}

// ---------------------------------------------------------------------------------------------
// The parameters as options of `vship rules set <规则>`, from the rules' own definitions (the
// catalogue rules.list reports): one variant per rule, its parameters by their own names.
// ---------------------------------------------------------------------------------------------

function intValue(raw: string): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new InvalidValue('需要一个整数');
  return Number(raw);
}

const BOOL_WORDS: Record<string, boolean> = { true: true, false: false, 是: true, 否: false };

function boolValue(raw: string): boolean {
  const v = BOOL_WORDS[raw.trim().toLowerCase()];
  if (v === undefined) throw new InvalidValue('只能是 true、false、是、否');
  return v;
}

/** The default of a list, its first words only when it is long. */
function shortDefault(def: ParamDef): string {
  if (!Array.isArray(def.default)) return String(def.default);
  const words = def.default;
  return words.length > 6 ? `${words.slice(0, 6).join(',')}…（共 ${words.length} 个）` : words.join(',') || '（空）';
}

function paramOption(def: ParamDef): ValueOption {
  const range = def.type === 'int' ? `${def.min ?? 0}–${def.max ?? '∞'} 的整数，` : '';
  if (def.type === 'int') return { type: 'string', value: '<整数>', description: `${range}默认 ${shortDefault(def)}`, parse: intValue };
  if (def.type === 'bool') return { type: 'string', value: 'true|false', description: `true/false（或 是/否），默认 ${shortDefault(def)}`, parse: boolValue };
  return { type: 'string', value: '<词,词>', description: `用逗号分隔的词（整个列表替换），默认 ${shortDefault(def)}`, parse: nameList };
}

const PARAM_OPTIONS: Record<RuleId, OptionSpecs> = Object.fromEntries(RULE_IDS.map((id) => [
  id, Object.fromEntries(Object.entries(RULES[id].params).map(([name, def]) => [name, paramOption(def)])),
])) as Record<RuleId, OptionSpecs>;

// ---------------------------------------------------------------------------------------------
// vship check
// ---------------------------------------------------------------------------------------------

/** Active block: a block no override lifts. */
const activeBlock = (f: FindingRow) => f.severity === 'block' && !f.override;

/** 拦截 N 单 / 提醒 N 单 / 违规商品 N 个, counted over the findings listed. */
function totalsOf(rows: FindingRow[]): { blockedOrders: number; warnedOrders: number; blockedProducts: number } {
  const blocked = new Set<string>();
  const any = new Set<string>();
  const products = new Set<string>();
  for (const f of rows) {
    if (f.severity === 'block' && f.override) continue;
    if (f.subject === 'product') { if (f.severity === 'block') products.add(f.key); continue; }
    any.add(f.key);
    if (f.severity === 'block') blocked.add(f.key);
  }
  return { blockedOrders: blocked.size, warnedOrders: [...any].filter((k) => !blocked.has(k)).length, blockedProducts: products.size };
}

function padTo(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function findingTable(rows: FindingRow[]): string[] {
  const cells = rows.map((f) => [
    f.key, f.rule, f.override ? '已放行' : SEVERITY[f.severity],
    f.override ? `${f.message}；已放行：${f.override.reason}` : f.message,
  ]);
  const head = ['订单号 | 商品编码', '规则', '级别', '说明'];
  const widths = [0, 1, 2].map((i) => Math.max(displayWidth(head[i]), ...cells.map((c) => displayWidth(c[i]))));
  return [head, ...cells].map((c) => c.map((x, i) => (i < 3 ? padTo(x, widths[i]) : x)).join('  ').trimEnd());
}

const checkCommand = defineCommand({
  name: 'check',
  usage: '[--rule <规则>] [--strict] [--shop <店铺名>] [--json]',
  summary: '检查平台规则：列出违规的订单和商品（--strict 有拦截时退出码 3）',
  options: {
    rule: RULE_OPTION,
    strict: { type: 'boolean', description: '仍有未放行的拦截时以退出码 3 结束（便于脚本在导出前把关）' },
    ...SHOP_OPTION,
  },
  async run({ core, options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    // A full check first (deadlines and expiries move with the clock); read-only data is read as stored.
    const summary = await call(core, 'rules.check', { shopId: shop.id });
    const rows: FindingRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await call(core, 'rules.findings', { shopId: shop.id, rule: options.rule, offset, limit: PAGE });
      rows.push(...page.rows);
      if (rows.length >= page.total || page.rows.length === 0) break;
    }
    const shown: RulesSummary = options.rule ? { ...summary, ...totalsOf(rows), counts: summary.counts.filter((c) => c.rule === options.rule) } : summary;
    const blocked = rows.some(activeBlock);
    if (json) outJson({ summary: shown, findings: rows });
    else {
      if (rows.length) for (const line of findingTable(rows)) out(line);
      else out(options.rule ? `没有 ${options.rule} 的违规` : '没有发现违规');
      out(`拦截 ${shown.blockedOrders} 单 / 提醒 ${shown.warnedOrders} 单 / 违规商品 ${shown.blockedProducts} 个${summary.checkedAt ? `（检查于 ${summary.checkedAt.replace('T', ' ').slice(0, 19)}）` : ''}`);
    }
    return options.strict && blocked ? EXIT.BLOCKED : EXIT.OK;
  },
});

// ---------------------------------------------------------------------------------------------
// vship rules, rules set, rules reset
// ---------------------------------------------------------------------------------------------

const REGION_SOURCE_LINE = `号段归属地数据：${NUMBER_REGION_SOURCE.name} ${NUMBER_REGION_SOURCE.version}（${NUMBER_REGION_SOURCE.dataVersion}）`;

function ruleLine(r: RuleInfo): string {
  const params = r.params.map(showParam).join(' ');
  return [r.id, SEVERITY[r.severity], r.clause, r.title, params].filter(Boolean).join('  ');
}

const rulesCommand = defineCommand({
  name: 'rules',
  usage: '[--json]',
  summary: '列出平台规则：级别、条款、参数（改过的参数附默认值）',
  options: {},
  async run({ core, json }) {
    const rules = await call(core, 'rules.list', undefined);
    if (json) outJson({ rules, numberRegionSource: NUMBER_REGION_SOURCE });
    else {
      for (const r of rules) out(ruleLine(r));
      out(REGION_SOURCE_LINE);
    }
    return EXIT.OK;
  },
});

const rulesSetCommand = defineCommand({
  name: 'rules set',
  usage: '<规则> [--<参数> <值>...] [--reset]',
  summary: '修改一条规则的参数（--reset 恢复这条规则的默认值）；改后重新检查所有店铺',
  args: [{ name: '规则', required: true }],
  options: {
    reset: { type: 'boolean', description: '恢复这条规则的默认参数' },
  },
  optionsByArg: { label: '规则', optionsLabel: '参数', variants: PARAM_OPTIONS },
  async run({ core, args: [id], options, argOptions, json }) {
    const rule = id as RuleId;
    const params = argOptions as Record<string, RuleParamValue>;
    const names = Object.keys(params);
    if (options.reset && names.length) throw new UsageError(`--reset 不能和参数一起用。${helpHint('rules set')}`, '--reset');
    if (!options.reset && !names.length) {
      const valid = Object.keys(PARAM_OPTIONS[rule]).map((k) => `--${k}`);
      throw new UsageError(`请指定要修改的参数（${valid.length ? valid.join('、') : `规则 ${rule} 没有参数`}）或 --reset。${helpHint('rules set')}`, rule);
    }
    const rules = await call(core, 'rules.setParams', options.reset ? { rule, reset: true } : { rule, params });
    const r = rules.find((x) => x.id === rule)!;
    if (json) outJson(r);
    else out(`${options.reset ? '已恢复' : '已设置'} ${rule}（${r.title}）：${r.params.map(showParam).join(' ') || '无参数'}；已重新检查所有店铺`);
    return EXIT.OK;
  },
});

const rulesResetCommand = defineCommand({
  name: 'rules reset',
  usage: '',
  summary: '所有规则恢复默认参数（恢复默认）；改后重新检查所有店铺',
  options: {},
  async run({ core, json }) {
    const rules = await call(core, 'rules.setParams', { reset: true });
    if (json) outJson(rules);
    else out('已恢复所有规则的默认参数；已重新检查所有店铺');
    return EXIT.OK;
  },
});

// ---------------------------------------------------------------------------------------------
// vship override, withdraw
// ---------------------------------------------------------------------------------------------

const overrideCommand = defineCommand({
  name: 'override',
  usage: '<订单号> | --product <商品键> --rule <规则> --reason <原因> [--shop <店铺名>]',
  summary: '放行一个订单（或一个商品）的一条拦截，写明原因（记录在台账）',
  args: [{ name: '订单号' }],
  options: {
    product: { type: 'string', value: '<商品键>', description: '放行这个商品的拦截（它的所有订单随之放行）' },
    rule: { ...RULE_OPTION, required: true },
    reason: { type: 'string', value: '<原因>', description: '放行的原因（至少 2 个字，记录在台账）', required: true },
    ...SHOP_OPTION,
  },
  async run({ core, args: [orderNo], options, json }) {
    if ((orderNo === undefined) === (options.product === undefined)) {
      throw new UsageError(`请指定一个 <订单号> 或 --product <商品键>（二选一）。${helpHint('override')}`, orderNo === undefined ? '订单号' : '--product');
    }
    const shop = await resolveShop(core, options.shop, false);
    const subject = orderNo !== undefined ? { orderNo } : { skuKey: options.product };
    const r = await call(core, 'rules.override', { shopId: shop.id, rule: options.rule, ...subject, reason: options.reason });
    if (json) outJson(r);
    else out(`已放行${r.subject === 'order' ? '订单' : '商品'} ${r.key} 的 ${r.rule}（放行编号 ${r.id}）：${r.reason}`);
    return EXIT.OK;
  },
});

const withdrawCommand = defineCommand({
  name: 'withdraw',
  usage: '<放行编号> [--shop <店铺名>]',
  summary: '撤回一次放行：拦截恢复（记录在台账）',
  args: [{ name: '放行编号', required: true }],
  options: { ...SHOP_OPTION },
  async run({ core, args: [raw], options, json }) {
    const id = Number(raw);
    if (!/^\d+$/.test(raw) || id <= 0) throw new UsageError(`<放行编号> 需要一个正整数，收到「${raw}」。${helpHint('withdraw')}`, raw);
    const shop = await resolveShop(core, options.shop, false);
    const r = await call(core, 'rules.withdraw', { shopId: shop.id, overrideId: id });
    if (json) outJson({ overrideId: id, ...r });
    else out(`已撤回放行 ${id}：拦截恢复`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const rulesCommands: Command[] = [checkCommand, overrideCommand, withdrawCommand, rulesCommand, rulesSetCommand, rulesResetCommand];

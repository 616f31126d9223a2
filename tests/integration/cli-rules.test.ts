import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { verifyLedger } from '../../main/core/services/ledger';
import { NUMBER_REGION_SOURCE } from '../../main/core/services/rules/number-region';
import { EXIT } from '../../main/cli/exit-codes';
import type { FindingRow, RuleInfo, RulesSummary } from '../../shared/domain';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli, vship as spawnVship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

useBuiltCli();

/** The fixture's clock: its orders were paid in the three days before. */
const NOW = { VSHIP_NOW: '2026-06-20T12:00:00+08:00' };
const vship = (args: string[]) => spawnVship(args, NOW);

interface OrderJson { orderNo: string; skuCode: string; shippable: boolean; reason: string | null; damaged: boolean; province: string }
interface CheckJson { summary: RulesSummary; findings: FindingRow[] }

/** The SKU keys of the fixture's 江苏移动 top-up (region 江苏省). */
const JIANGSU = ['JS-YD-100', 'JS-YD-100S'];
/** The fixture's 广东联通 data top-up: region 广东, read from its title while unconfirmed. */
const GUANGDONG = ['GD-LT-10G', 'GD-LT-20G'];

/** A fresh data folder with `count` orders (省 and 充值号码 exported), the 江苏 top-up confirmed as suggested (直充, 限江苏). */
function regionShop(count = 300): { dir: string; orders: OrderJson[] } {
  const dir = tempDir();
  writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count, seed: 9, optional: true })));
  expect(vship(['import', join(dir, 'o.csv'), '--data-dir', dir]).code).toBe(0);
  for (const sku of JIANGSU) {
    const r = vship(['product', 'set', sku, '--accept', '--data-dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'recharge', confirmed: true, terms: { region: ['江苏'] } });
  }
  return { dir, orders: JSON.parse(vship(['orders', '--data-dir', dir, '--json']).stdout) as OrderJson[] };
}

function check(dir: string, ...args: string[]): CheckJson {
  const r = vship(['check', ...args, '--data-dir', dir, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CheckJson;
}

function rules(dir: string): RuleInfo[] {
  return (JSON.parse(vship(['rules', '--data-dir', dir, '--json']).stdout) as { rules: RuleInfo[] }).rules;
}

const param = (list: RuleInfo[], rule: string, name: string) => list.find((r) => r.id === rule)!.params.find((p) => p.name === name)!;

/** Orders to ship (待发货, after-sale included): the ones the rules look at. */
const toShip = (o: OrderJson) => (o.shippable || o.reason === 'AFTER_SALE') && !o.damaged;

describe('vship check', () => {
  it('lists the REGION_LOCK findings of orders from outside 江苏, order numbers intact, and filters by --rule', () => {
    const { dir, orders } = regionShop();
    const outside = orders.filter((o) => JIANGSU.includes(o.skuCode) && toShip(o) && !o.province.startsWith('江苏')).map((o) => o.orderNo).sort();
    expect(outside.length).toBeGreaterThan(0);

    const all = check(dir);
    const region = check(dir, '--rule', 'REGION_LOCK');
    // Exactly the 江苏 top-up's orders from elsewhere, and the 广东 one's (its region read from its title), each a block on the order.
    const guangdong = orders.filter((o) => GUANGDONG.includes(o.skuCode) && toShip(o) && !o.province.startsWith('广东')).map((o) => o.orderNo);
    expect(region.findings.map((f) => f.key).sort()).toEqual([...outside, ...guangdong].sort());
    expect(region.findings.filter((f) => f.rule !== 'REGION_LOCK' || f.severity !== 'block' || f.subject !== 'order')).toEqual([]);
    expect(all.findings.filter((f) => f.rule === 'REGION_LOCK')).toEqual(region.findings);
    expect(all.findings.some((f) => f.rule !== 'REGION_LOCK')).toBe(true);
    const byNo = new Map(orders.map((o) => [o.orderNo, o]));
    const jiangsuHits = region.findings.filter((f) => JIANGSU.includes(byNo.get(f.key)!.skuCode)).map((f) => f.key).sort();
    expect(jiangsuHits).toEqual(outside);
    // the order number as text, as the export has it (never a number, never shortened)
    for (const f of region.findings) expect(f.key).toMatch(/^\d{6}-\d{15}$/);

    // the summary: the core's over all rules; with --rule, counted over that rule's findings
    expect(all.summary.blockedOrders).toBe(new Set(all.findings.filter((f) => f.subject === 'order' && f.severity === 'block').map((f) => f.key)).size);
    expect(region.summary.blockedOrders).toBe(new Set(region.findings.map((f) => f.key)).size);
    expect(region.summary.counts.map((c) => c.rule)).toEqual(['REGION_LOCK']);

    const text = vship(['check', '--rule', 'REGION_LOCK', '--data-dir', dir]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^订单号 \| 商品编码\s+规则\s+级别\s+说明$/);
    for (const no of outside) {
      const line = lines.find((l) => l.startsWith(`${no} `));
      expect(line, no).toMatch(new RegExp(`^${no}\\s+REGION_LOCK\\s+拦截\\s+商品限 江苏，订单省份是 \\S+$`));
    }
    expect(lines.at(-1)).toMatch(new RegExp(`^拦截 ${region.summary.blockedOrders} 单 / 提醒 0 单 / 违规商品 0 个`));
  });

  it('refuses an unknown --rule with exit 2, listing the valid ones', () => {
    const dir = tempDir();
    const r = vship(['check', '--rule', 'REGION', '--data-dir', dir]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toContain('「--rule」只能是 RENTAL_MAX_DAYS、');
    expect(r.stderr).toContain('REGION_LOCK');
    expect(vship(['check', '--rule', 'REGION_LOCK', '--data-dir', dir]).code).toBe(0);
  });

  it('--strict exits 3 while a block remains and 0 once they are overridden; override and withdraw are in the ledger', () => {
    const { dir } = regionShop(150);
    const strict = () => vship(['check', '--strict', '--rule', 'REGION_LOCK', '--data-dir', dir]).code;
    expect(vship(['check', '--data-dir', dir]).code).toBe(EXIT.OK);
    expect(vship(['check', '--strict', '--data-dir', dir]).code).toBe(EXIT.BLOCKED);
    expect(EXIT.BLOCKED).toBe(3);
    expect(strict()).toBe(3);
    const blocked = check(dir, '--rule', 'REGION_LOCK').findings.map((f) => f.key);
    // At least two, so that the strict exit is seen to stay 3 while any one remains.
    expect(blocked.length).toBeGreaterThanOrEqual(2);

    const ids: number[] = [];
    for (const no of blocked) {
      const r = vship(['override', no, '--rule', 'REGION_LOCK', '--reason', '买家确认号码属江苏（携号转网）', '--data-dir', dir, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const o = JSON.parse(r.stdout) as { id: number; subject: string; key: string; rule: string; reason: string };
      expect(o).toMatchObject({ subject: 'order', key: no, rule: 'REGION_LOCK', reason: '买家确认号码属江苏（携号转网）' });
      ids.push(o.id);
      expect(strict(), no).toBe(ids.length < blocked.length ? 3 : 0);
    }
    expect(strict()).toBe(0);
    // The findings stay, each lifted with its reason.
    const after = check(dir, '--rule', 'REGION_LOCK');
    expect(after.findings.map((f) => f.key).sort()).toEqual([...blocked].sort());
    expect(after.findings.map((f) => f.override?.reason)).toEqual(blocked.map(() => '买家确认号码属江苏（携号转网）'));
    expect(after.summary.blockedOrders).toBe(0);
    const text = vship(['check', '--rule', 'REGION_LOCK', '--data-dir', dir]).stdout;
    expect(text).toMatch(new RegExp(`${blocked[0]}\\s+REGION_LOCK\\s+已放行\\s+.*已放行：买家确认号码属江苏（携号转网）`));

    const w = vship(['withdraw', String(ids[0]), '--data-dir', dir]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout.trim()).toBe(`已撤回放行 ${ids[0]}：拦截恢复`);
    expect(strict()).toBe(3);
    expect(vship(['withdraw', String(ids[0]), '--data-dir', dir]).code).toBe(EXIT.BAD_INPUT);
    expect(vship(['withdraw', 'one', '--data-dir', dir]).code).toBe(EXIT.USAGE);
    // exactly one of an order number and --product; a warning is not lifted by hand
    expect(vship(['override', '--rule', 'REGION_LOCK', '--reason', '原因', '--data-dir', dir]).code).toBe(EXIT.USAGE);
    expect(vship(['override', blocked[0], '--product', 'JS-YD-100', '--rule', 'REGION_LOCK', '--reason', '原因', '--data-dir', dir]).code).toBe(EXIT.USAGE);
    const warn = JSON.parse(vship(['override', blocked[0], '--rule', 'LATE_SHIPMENT', '--reason', '原因', '--data-dir', dir, '--json']).stdout);
    expect(warn.error.code).toBe('OVERRIDE_NOT_ALLOWED');

    const db = openDatabase(dir);
    const events = db.prepare("SELECT event, subject, detail FROM ledger WHERE event LIKE 'rule.override%' ORDER BY id").all() as { event: string; subject: string; detail: string }[];
    expect(events.map((e) => e.event)).toEqual([...blocked.map(() => 'rule.override'), 'rule.override.withdraw']);
    expect(events[0].subject).toBe(`order:${blocked[0]}`);
    expect(JSON.parse(events[0].detail)).toMatchObject({ rule: 'REGION_LOCK', reason: '买家确认号码属江苏（携号转网）', overrideId: ids[0] });
    expect(JSON.parse(events.at(-1)!.detail)).toMatchObject({ rule: 'REGION_LOCK', overrideId: ids[0] });
    expect(verifyLedger(db).ok).toBe(true);
    db.close();
  });

  it('--strict exits 0 on a shop with no block', () => {
    const dir = tempDir();
    const r = vship(['check', '--strict', '--data-dir', dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { blockedOrders: 0, warnedOrders: 0, blockedProducts: 0 }, findings: [] });
    expect(vship(['check', '--strict', '--data-dir', dir]).stdout.trim().split('\n')).toEqual(['没有发现违规', expect.stringMatching(/^拦截 0 单 \/ 提醒 0 单 \/ 违规商品 0 个/)]);
  });
});

describe('vship rules', () => {
  it('lists every rule with its parameters and where the number-prefix data comes from', () => {
    const dir = tempDir();
    const r = vship(['rules', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(rules(dir).length + 1);
    expect(lines).toContain('LATE_SHIPMENT  提醒  §8(1)  按时发货  dueWithinHours=6');
    expect(lines).toContain('REGION_LOCK  拦截  §8(5)  区域性商品只卖给该地区用户  byNumber=true');
    expect(lines.at(-1)).toBe(`号段归属地数据：${NUMBER_REGION_SOURCE.name} ${NUMBER_REGION_SOURCE.version}（${NUMBER_REGION_SOURCE.dataVersion}）`);
    expect(JSON.parse(vship(['rules', '--data-dir', dir, '--json']).stdout).numberRegionSource).toEqual(NUMBER_REGION_SOURCE);
  });

  it('rules set changes a parameter and the findings, --reset and rules reset put them back', () => {
    const { dir } = regionShop(200);
    const late = () => check(dir, '--rule', 'LATE_SHIPMENT').findings.length;
    const before = late();
    const s = vship(['rules', 'set', 'LATE_SHIPMENT', '--dueWithinHours', '48', '--data-dir', dir]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout.trim()).toBe('已设置 LATE_SHIPMENT（按时发货）：dueWithinHours=48（默认 6）；已重新检查所有店铺');
    expect(param(rules(dir), 'LATE_SHIPMENT', 'dueWithinHours')).toMatchObject({ value: 48, default: 6 });
    expect(vship(['rules', '--data-dir', dir]).stdout).toContain('按时发货  dueWithinHours=48（默认 6）');
    const wider = late();
    expect(wider).toBeGreaterThan(before);
    expect(JSON.parse(vship(['rules', 'set', 'LATE_SHIPMENT', '--reset', '--data-dir', dir, '--json']).stdout).params[0].value).toBe(6);
    expect(late()).toBe(before);

    // every type: int, bool (是/否), words (with ， and 、); the rule's options in any order
    expect(vship(['rules', 'set', '--maxDays', '7', 'RENTAL_MAX_DAYS', '--data-dir', dir]).code).toBe(0);
    expect(vship(['rules', 'set', 'REGION_LOCK', '--byNumber', '否', '--data-dir', dir]).code).toBe(0);
    expect(vship(['rules', 'set', 'STORED_VALUE_MAX_DAYS', '--brands', '肯德基，海底捞、星巴克', '--maxDays', '10', '--data-dir', dir]).code).toBe(0);
    let list = rules(dir);
    expect(param(list, 'RENTAL_MAX_DAYS', 'maxDays').value).toBe(7);
    expect(param(list, 'REGION_LOCK', 'byNumber').value).toBe(false);
    expect(param(list, 'STORED_VALUE_MAX_DAYS', 'brands').value).toEqual(['肯德基', '海底捞', '星巴克']);
    expect(param(list, 'STORED_VALUE_MAX_DAYS', 'maxDays').value).toBe(10);
    expect(list.filter((r) => r.changed).map((r) => r.id)).toEqual(['RENTAL_MAX_DAYS', 'STORED_VALUE_MAX_DAYS', 'REGION_LOCK']);
    const reset = vship(['rules', 'reset', '--data-dir', dir]);
    expect(reset.code).toBe(0);
    expect(reset.stdout.trim()).toBe('已恢复所有规则的默认参数；已重新检查所有店铺');
    list = rules(dir);
    expect(list.filter((r) => r.changed)).toEqual([]);
    expect(param(list, 'REGION_LOCK', 'byNumber').value).toBe(true);
  });

  it('refuses a parameter the rule does not have, or a value of the wrong form, with exit 2 and changes nothing', () => {
    const dir = tempDir();
    const cases: [string[], string][] = [
      [['LATE_SHIPMENT', '--maxDays', '3'], '未知选项「--maxDays」。规则 LATE_SHIPMENT 的参数：--dueWithinHours。'],
      [['LATE_SHIPMENT', '--dueWithinHours', 'six'], '选项「--dueWithinHours」需要一个整数，收到「six」'],
      [['REGION_LOCK', '--byNumber', 'maybe'], '选项「--byNumber」只能是 true、false、是、否，收到「maybe」'],
      [['REGION_LOCK', '--byNumber'], '选项「--byNumber」需要一个值 true|false'],
      [['TRAVEL_ENTERPRISE_ONLY', '--maxDays', '3'], '规则 TRAVEL_ENTERPRISE_ONLY 没有可设置的参数'],
      [['LATE', '--dueWithinHours', '3'], '未知的规则「LATE」。可用的规则：RENTAL_MAX_DAYS、'],
      [['LATE_SHIPMENT'], '请指定要修改的参数（--dueWithinHours）或 --reset'],
      [['LATE_SHIPMENT', '--dueWithinHours', '3', '--reset'], '--reset 不能和参数一起用'],
      [[], '缺少参数 <规则>'],
    ];
    for (const [args, message] of cases) {
      const r = vship(['rules', 'set', ...args, '--data-dir', dir]);
      expect(r.code, args.join(' ')).toBe(EXIT.USAGE);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    // in range is the core's to say: RULE_PARAM_INVALID, exit 1
    const range = vship(['rules', 'set', 'LATE_SHIPMENT', '--dueWithinHours', '999', '--data-dir', dir, '--json']);
    expect(range.code).toBe(EXIT.BAD_INPUT);
    expect(JSON.parse(range.stdout).error.code).toBe('RULE_PARAM_INVALID');
    expect(rules(dir).filter((r) => r.changed)).toEqual([]);
    // the same parameter, properly given, is taken: the refusals above are what kept it unchanged
    expect(vship(['rules', 'set', 'LATE_SHIPMENT', '--dueWithinHours', '3', '--data-dir', dir]).code).toBe(0);
    expect(param(rules(dir), 'LATE_SHIPMENT', 'dueWithinHours').value).toBe(3);
  });

  it('lists each rule’s parameters in the help of rules set', () => {
    const help = vship(['help', 'rules', 'set']).stdout;
    expect(help).toMatch(/各规则的参数:\n {2}RENTAL_MAX_DAYS\n {4}--maxDays <整数>\s+1–3650 的整数，默认 15\n/);
    expect(help).toMatch(/ {2}REGION_LOCK\n {4}--byNumber true\|false\s+true\/false（或 是\/否），默认 true\n/);
    expect(help).toMatch(/没有参数：TRAVEL_ENTERPRISE_ONLY、/);
  });
});

describe('vship shops with a type', () => {
  it('creates a shop of a type, shows the type, changes it (and the travel rule follows)', () => {
    const dir = tempDir();
    const c = vship(['shops', 'create', '旅行社', '--type', '企业', '--data-dir', dir, '--json']);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ name: '旅行社', type: 'enterprise' });
    expect(JSON.parse(vship(['shops', 'add', '小店', '--type', 'personal', '--data-dir', dir, '--json']).stdout).type).toBe('personal');
    expect(vship(['shops', 'add', '杂货铺', '--data-dir', dir]).stdout.trim()).toMatch(/^已新建店铺「杂货铺」（编号 \d+，个人）$/);
    expect(vship(['shops', 'add', '另一家', '--type', '公司', '--data-dir', dir]).code).toBe(EXIT.USAGE);
    expect(vship(['shops', '--data-dir', dir]).stdout).toMatch(/ 2 {2}旅行社 {2}企业\n/);

    // travel goods in the personal default shop: TRAVEL_ENTERPRISE_ONLY until the shop is 企业
    writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 300, seed: 9, optional: true })));
    expect(vship(['import', join(dir, 'o.csv'), '--data-dir', dir]).code).toBe(0);
    expect(vship(['product', 'set', 'LY-XH-A', '--kind', 'travel', '--fulfil-days', '3', '--data-dir', dir]).code).toBe(0);
    const travel = () => check(dir, '--rule', 'TRAVEL_ENTERPRISE_ONLY').findings.filter((f) => f.subject === 'product').map((f) => f.key).sort();
    // LY-XH-A set by hand; LY-XH-C (the same 游船船票, 儿童票) by its suggestion, read from the title.
    expect(travel()).toEqual(['LY-XH-A', 'LY-XH-C']);
    const s = vship(['shops', 'set-type', '默认店铺', 'enterprise', '--data-dir', dir]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout.trim()).toBe('店铺「默认店铺」的类型已改为企业，规则已重新检查');
    expect(travel()).toEqual([]);
    expect(JSON.parse(vship(['shops', 'set-type', '1', '个人', '--data-dir', dir, '--json']).stdout)).toMatchObject({ id: 1, type: 'personal' });
    expect(travel()).toEqual(['LY-XH-A', 'LY-XH-C']);
    expect(vship(['shops', 'set-type', '默认店铺', '公司', '--data-dir', dir]).code).toBe(EXIT.USAGE);
    expect(JSON.parse(vship(['shops', 'set-type', '99', '企业', '--data-dir', dir, '--json']).stdout).error.code).toBe('SHOP_NOT_FOUND');
  });
});

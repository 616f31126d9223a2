import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS, type OptionSpecs } from '../../main/cli/command';
import { COMMANDS } from '../../main/cli/commands';
import { EXIT } from '../../main/cli/exit-codes';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli, vship, VSHIP } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

useBuiltCli();

/** A data folder with shippable orders, one product on codes and enough codes in stock to fill it. */
function stockedShop(): { dir: string; skuKey: string; other: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 40, seed: 71, statusMix: 'all-shippable' })));
  expect(vship(['import', join(dir, 'o.csv'), '--data-dir', dir]).code).toBe(0);
  const products = JSON.parse(vship(['products', '--data-dir', dir, '--json']).stdout) as { skuKey: string; waitingUnits: number }[];
  const [a, b] = products.sort((x, y) => y.waitingUnits - x.waitingUnits);
  vship(['product', 'set', a.skuKey, '--kind', 'code', '--data-dir', dir]);
  vship(['product', 'set', b.skuKey, '--kind', 'code', '--data-dir', dir]);
  writeFileSync(join(dir, 'codes.txt'), Array.from({ length: a.waitingUnits }, (_, i) => `ACT-${1000 + i}-XYZ`).join('\n'));
  expect(vship(['stock', 'import', join(dir, 'codes.txt'), '--product', a.skuKey, '--data-dir', dir]).code).toBe(0);
  return { dir, skuKey: a.skuKey, other: b.skuKey };
}

function filledOrders(dir: string): number {
  return (JSON.parse(vship(['orders', '--data-dir', dir, '--json']).stdout) as { items: unknown[] }[]).filter((o) => o.items.length).length;
}

describe('vship usage errors', () => {
  it('refuses a misspelt option with exit 2, names it, and fills nothing', () => {
    const { dir } = stockedShop();
    const r = vship(['fill', '--undoo', '--data-dir', dir]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toContain('错误：未知选项「--undoo」。运行 vship help fill 查看用法');
    expect(r.stdout).toBe('');
    expect(filledOrders(dir)).toBe(0);
    const j = vship(['fill', '--undoo', '--data-dir', dir, '--json']);
    expect(j.code).toBe(EXIT.USAGE);
    expect(JSON.parse(j.stdout)).toEqual({ error: { code: 'USAGE', message: expect.stringContaining('--undoo'), detail: '--undoo' } });
    expect(filledOrders(dir)).toBe(0);
    // the same stock does fill when asked properly: the refusal above is what kept it untouched
    expect(vship(['fill', '--data-dir', dir]).code).toBe(0);
    expect(filledOrders(dir)).toBeGreaterThan(0);
  });

  it('refuses an unknown command with exit 2 without creating a data folder', () => {
    const dir = join(tempDir(), 'data');
    const r = vship(['frobnicate', '--data-dir', dir, '--json']);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toContain('未知命令「frobnicate」');
    expect(JSON.parse(r.stdout).error.code).toBe('USAGE');
    expect(vship(['stock', 'frobnicate', '--data-dir', dir]).code).toBe(EXIT.USAGE);
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a missing argument, a missing value and a value of the wrong form with exit 2', () => {
    const dir = tempDir();
    const cases: [string[], string][] = [
      [['import'], '<文件>'],
      [['assign', '260607-400000294410900'], '<卡密>'],
      [['shops', 'add'], '<店铺名>'],
      [['orders', '--shop'], '「--shop」需要一个值'],
      [['product', 'set', 'JD-E100', '--ship-hours', '30'], '「--ship-hours」只能是 24、48，收到「30」'],
      [['product', 'set', 'JD-E100', '--valid-days', 'seven'], '「--valid-days」'],
      [['stock', 'void', '--batch', 'x'], '「--batch」需要一个正整数'],
      [['stock', 'restore', '--items', '1,two'], '「--items」'],
      [['stock', 'void'], '--batch'],
      [['stock', 'move', '--batch', '1'], '--to'],
      [['stock', 'import', 'cards.txt'], '--product'],
      [['unassign', '260607-400000294410900', 'extra'], '多余的参数「extra」'],
      [['shops', '--json=yes'], '「--json」不带值'],
    ];
    for (const [args, message] of cases) {
      const r = vship([...args, '--data-dir', dir]);
      expect(r.code, args.join(' ')).toBe(EXIT.USAGE);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('vship into a pipe that closes early', () => {
  it('stops quietly when the reader goes away (vship orders | head -1), without a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 3000, seed: 72 })));
    expect(vship(['import', join(dir, 'o.csv'), '--data-dir', dir]).code).toBe(0);
    for (const args of [['orders'], ['orders', '--json']]) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${VSHIP}" ${args.join(' ')} --data-dir "${dir}" | head -c 20 >/dev/null`], { encoding: 'utf8' });
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|Unhandled|at /);
    }
  });
});

describe('vship help', () => {
  it('lists every command of the registry and the global options', () => {
    const r = vship(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) {
      expect(r.stdout).toContain(`vship ${c.name}${c.usage ? ' ' : ''}`);
      expect(r.stdout).toContain(c.summary);
    }
    for (const key of Object.keys(GLOBAL_OPTIONS)) expect(r.stdout).toContain(`--${key}`);
    expect(vship(['help']).stdout).toBe(r.stdout);
    const bare = vship([]);
    expect(bare.stdout).toBe(r.stdout);
    expect(bare.code).toBe(EXIT.USAGE);
  });

  it("shows a command's usage and options, --undo among fill's", () => {
    const help = vship(['help', 'fill']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('vship fill');
    expect(help.stdout).toMatch(/--undo\s+撤销上一次填充/);
    expect(vship(['fill', '--help']).stdout).toBe(help.stdout);
    expect(vship(['fill', '-h', '--undoo']).stdout).toBe(help.stdout);
    for (const c of COMMANDS) {
      const text = vship(['help', ...c.name.split(' ')]).stdout;
      expect(text, c.name).toContain(c.summary);
      for (const [key, spec] of Object.entries(c.options)) expect(text, `${c.name} --${key}`).toContain(spec.description);
    }
  });

  it('declares every option a usage line names, with the same placeholder', () => {
    for (const c of COMMANDS) {
      const tokens = c.usage.replace(/[[\]()]/g, ' ').split(/\s+/).filter(Boolean);
      tokens.forEach((t, i) => {
        if (!/^--[a-z]/.test(t)) return;
        const spec = ({ ...c.options, ...GLOBAL_OPTIONS } as OptionSpecs)[t.slice(2)];
        expect(spec, `${c.name}: ${t}`).toBeDefined();
        if (spec?.type === 'string') expect(tokens[i + 1], `${c.name}: ${t}`).toBe(spec.value);
      });
      for (const a of c.args) expect(c.usage, c.name).toContain(`<${a.name}>`);
    }
  });
});

describe('vship stock void, restore, move', () => {
  it('say what they did in Chinese, and print the JSON object with --json', () => {
    const { dir, skuKey, other } = stockedShop();
    // codes (a code product): `卡号----密码` lines would be refused as another shape (issue 8)
    writeFileSync(join(dir, 'more.txt'), 'GIFT-0001-PW1\nGIFT-0002-PW2\nGIFT-0003-PW3\n');
    const batch = JSON.parse(vship(['stock', 'import', join(dir, 'more.txt'), '--product', other, '--sep', '----', '--data-dir', dir, '--json']).stdout).batchId as number;
    const available = () => JSON.parse(vship(['stock', '--product', other, '--data-dir', dir, '--json']).stdout)[0].available as number;
    const n = available();
    expect(n).toBe(3);

    const v = vship(['stock', 'void', '--batch', String(batch), '--data-dir', dir]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(`已作废 ${n} 条（批次 ${batch}）`);
    expect(JSON.parse(vship(['stock', 'restore', '--batch', String(batch), '--data-dir', dir, '--json']).stdout)).toEqual({ restored: n });
    expect(JSON.parse(vship(['stock', 'void', '--batch', String(batch), '--data-dir', dir, '--json']).stdout)).toEqual({ voided: n });
    expect(vship(['stock', 'restore', '--batch', String(batch), '--data-dir', dir]).stdout.trim()).toBe(`已恢复 ${n} 条（批次 ${batch}）`);
    const m = vship(['stock', 'move', '--batch', String(batch), '--to', skuKey, '--data-dir', dir]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout.trim()).toBe(`已移动 ${n} 条到「${skuKey}」`);
    expect(available()).toBe(0);
  });
});

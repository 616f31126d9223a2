/**
 * `vship verify` as a merchant's script runs it: a Chinese report of what was checked, exit 0 when
 * everything is as VShip left it, exit 4 (EXIT.VERIFY_FAILED) with each problem named when not;
 * `--json` gives the VerifyReport. And `vship orders --json --reveal` / `vship messages` refuse an altered item.
 */
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/domain';
import { EXIT } from '../../main/cli/exit-codes';
import { anchorLedgerHead } from '../../main/core/services/ledger';
import { cardShop, tamper } from '../fixtures/verify';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
useBuiltCli();

/** A card shop filled and exported through the services, its head anchored as the core leaves it. */
function folder(): { dir: string; orderNos: string[]; itemOf: (orderNo: string) => number; counts: { ledger: number; exportFiles: number; stock: number } } {
  const dir = tempDir();
  const { db, orderNos } = cardShop(dir, { exported: true });
  anchorLedgerHead(db);
  const items = new Map(orderNos.map((no) => [no, db.prepare('SELECT a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? ORDER BY a.id LIMIT 1').pluck().get(no) as number]));
  const counts = {
    ledger: db.prepare('SELECT count(*) FROM ledger').pluck().get() as number,
    exportFiles: db.prepare('SELECT count(DISTINCT sha256) FROM export_files').pluck().get() as number,
    stock: db.prepare('SELECT count(*) FROM stock_items').pluck().get() as number,
  };
  db.close();
  return { dir, orderNos, itemOf: (no) => items.get(no)!, counts };
}

describe('vship verify', () => {
  it('exits 0 on an untouched folder, saying what it checked', () => {
    const { dir, orderNos, counts } = folder();
    const r = vship(['verify', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(EXIT.OK);
    // The CLI's own opening (openCore) adds nothing outside a request: the ledger is as it was.
    expect(r.stdout).toContain(`已校验：台账 ${counts.ledger} 条，凭证文件 0 个，导出文件 ${counts.exportFiles} 个，发货记录 ${orderNos.length} 条`);
    expect(r.stdout).toContain(`库存条目 ${counts.stock} 个`);
    expect(r.stdout).toContain('校验通过：没有发现改动、添加或缺失');
    // Again (the first run's request anchored nothing new): still 0.
    expect(vship(['verify', '--data-dir', dir]).code).toBe(EXIT.OK);
  });

  it('exits 4 and names the order whose delivered card was changed; --json gives the report', () => {
    const { dir, orderNos, itemOf } = folder();
    const item = itemOf(orderNos[2]);
    tamper(dir, "UPDATE stock_items SET password = '000000' WHERE id = ?", [item]);
    const r = vship(['verify', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(EXIT.VERIFY_FAILED);
    expect(r.stdout).toContain('发现 2 个问题：');
    expect(r.stdout).toContain(`  库存条目 #${item} 的内容与导入时记录的不一致`);
    expect(r.stdout).toContain(`  订单 ${orderNos[2]} 的条目内容与发货时不一致（条目 #${item}`);
    expect(r.stdout).not.toContain('000000');
    const j = vship(['verify', '--data-dir', dir, '--json']);
    expect(j.code).toBe(EXIT.VERIFY_FAILED);
    const report = JSON.parse(j.stdout) as VerifyReport;
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.code, p.subject])).toEqual([['STOCK_CONTENT_DIFFERS', `item:${item}`], ['ITEM_CONTENT_DIFFERS', `order:${orderNos[2]}`]]);
    expect(report.checked.deliveries).toBe(orderNos.length);
  });

  it('--json on a clean folder is the report, ok, exit 0', () => {
    const { dir } = folder();
    const j = vship(['verify', '--data-dir', dir, '--json']);
    expect(j.code, j.stderr).toBe(EXIT.OK);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: true, problems: [], moreProblems: 0 });
  });

  it('exits 4 on a ledger row edited, naming the row', () => {
    const { dir } = folder();
    tamper(dir, "UPDATE ledger SET subject = 'x' WHERE id = 3");
    const r = vship(['verify', '--data-dir', dir]);
    expect(r.code).toBe(EXIT.VERIFY_FAILED);
    expect(r.stdout).toContain('  台账第 3 条被改动');
  });
});

describe('an altered item is not served by the CLI', () => {
  it('vship orders --json --reveal and vship messages refuse it, naming the item only', () => {
    const dir = tempDir();
    const { db, orderNos } = cardShop(dir);
    const item = db.prepare('SELECT a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? ORDER BY a.id LIMIT 1').pluck().get(orderNos[0]) as number;
    db.close();
    tamper(dir, "UPDATE stock_items SET password = '000000' WHERE id = ?", [item]);
    for (const args of [['orders', '--json', '--reveal'], ['messages']]) {
      const r = vship([...args, '--data-dir', dir]);
      expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).not.toBe(EXIT.OK);
      expect(r.stderr + r.stdout).toContain(`#${item}`);
      expect(r.stderr + r.stdout).not.toContain('000000');
    }
  });
});

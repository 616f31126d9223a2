/**
 * One export measurement in a fresh process, so peak memory (maxRSS) belongs to that one job:
 *   tsx bench-export-child.ts export <dataDir> <maxRows> — open the data folder, runExport (files
 *       into the data folder, orders marked, ledger), then roll the data folder back is the caller's job
 *   tsx bench-export-child.ts bare <dataDir> <maxRows> <outDir> — the bare libraries doing the same
 *       work: better-sqlite3 reads the same orders and items, exceljs (streaming writer) writes them
 *       into files of <maxRows> rows as text cells
 * Prints one JSON line.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { runExport } from '../../main/core/services/export';

const SHOP = 1;
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const [mode, dataDir, maxRowsText, outDir] = process.argv.slice(2);
  const maxRows = Number(maxRowsText);
  const t0 = performance.now();
  if (mode === 'export') {
    const db = openDatabase(dataDir);
    const r = runExport(db, dataDir, { shopId: SHOP, maxRows });
    const ms = Math.round(performance.now() - t0);
    console.log(JSON.stringify({ ms, orders: r.orders, items: r.items, files: r.files.length, bytes: r.files.reduce((n, f) => n + f.bytes, 0), peakMB: peakMB() }));
    return;
  }
  if (mode === 'bare') {
    const db = new Database(join(dataDir, 'vship.db'), { readonly: true });
    const rows = db.prepare(`SELECT o.order_no, i.code FROM orders o JOIN allocations a ON a.order_id = o.id AND a.released_at IS NULL
      LEFT JOIN stock_items i ON i.id = a.item_id WHERE o.shop_id = ? AND o.shippable = 1 ORDER BY o.ship_by, o.id, a.id`).raw().all(SHOP) as [string, string][];
    let files = 0;
    for (let at = 0; at < rows.length; at += maxRows) {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(outDir, `bare-${++files}.xlsx`) });
      const ws = wb.addWorksheet('无物流发货');
      ws.addRow(['订单号', '激活码']).commit();
      for (const [no, code] of rows.slice(at, at + maxRows)) {
        const row = ws.addRow([no, code]);
        row.getCell(1).numFmt = '@';
        row.getCell(2).numFmt = '@';
        row.commit();
      }
      ws.commit();
      await wb.commit();
    }
    console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), rows: rows.length, files, peakMB: peakMB() }));
  }
}

void main();

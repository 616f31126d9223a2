import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fill } from '../../main/core/services/allocation';
import { listExports, previewExport, readUploadResult, runExport, exportFile, setTemplate } from '../../main/core/services/export';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders, ordersSummary } from '../../main/core/services/orders';
import { AppError } from '../../shared/errors';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

function filledShop(t: OrderTable) {
  const dir = tempDir();
  const s = codeShop(dir, t, (_k, w) => w);
  fill(s.db, s.shopId, { cooldownHours: 2 });
  return { ...s, dir };
}

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

describe('the shipment file', () => {
  it('exports every ready order once, order numbers and codes exact, as text cells', async () => {
    const t = generateOrders({ count: 60, seed: 101, statusMix: 'all-shippable' });
    const { db, shopId, dir } = filledShop(t);
    const p = previewExport(db, { shopId });
    expect(p.ready).toBe(60);
    expect(p.template.builtIn).toBe(true);
    const r = runExport(db, dir, { shopId });
    expect(r.orders).toBe(60);
    const ship = r.files.filter((f) => f.kind === 'shipment');
    expect(ship).toHaveLength(1);
    const wb = await readXlsx(exportFile(db, dir, shopId, ship[0].id).bytes);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '订单号', '激活码']);
    const got = new Map<string, string>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(1).numFmt).toBe('@');
      got.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    const orders = allOrders(db, shopId);
    expect(got.size).toBe(60);
    for (const o of orders) expect(o.shipState).toBe('exported');
    expect(ordersSummary(db, shopId).byShipState.exported).toBe(60);
    expect(() => runExport(db, dir, { shopId })).toThrow(AppError);
    expect(listExports(db, shopId)).toHaveLength(1);
    void Papa;
  });
});

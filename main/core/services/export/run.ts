import type { ParsedReq } from '../../../../shared/contract';
import type { ExportFileKind, ExportPreview, ExportRecord, LeftOutCode, LeftOutOrder, TemplateProfile } from '../../../../shared/domain';
import { COLUMN_ROLE_WORDS, LEFT_OUT_FIXES, LEFT_OUT_REASONS } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { toBeijingIso } from '../../../../shared/rules/classify';
import { builtInProfile, orderRows } from '../../../../shared/rules/export-columns';
import { RULES } from '../../../../shared/rules/platform/catalogue';
import type { Db } from '../../db/open';
import { faultPoint } from '../../fault';
import { csvFile, csvWriter } from '../../io/write-csv';
import { plainWorkbook, PLAIN_TARGET, prepareTemplate, sheetWriter, simpleXlsx, unpackXlsx, type PreparedTemplate, type SheetSink } from '../../io/write-xlsx';
import { nowMs } from '../clock';
import { contentKey, messageHash } from '../content';
import { appendLedger } from '../ledger';
import { messagesFor, type MessageOrderRow } from '../messages';
import { getShop } from '../shops';
import { getSettings } from '../settings';
import { thisPc } from '../rules/overrides';
import { fillParams } from '../../../../shared/errors';
import { getRuleParams } from '../rules/params';
import { cleanOrphans, storeFile } from './files';
import { exportRecord } from './history';
import { dropUnplaceable, loadItems, selectOrders, type Candidate, type LoadedItem, type Selection } from './select';
import { storedTemplate } from './template';

type Options = ParsedReq<'export.preview'>;

/** The profile this export fills: the shop's template, or the built-in layout for the kinds at hand. */
function profileFor(db: Db, shopId: number, kinds: Iterable<string>): { profile: TemplateProfile; template: ReturnType<typeof storedTemplate> } {
  const t = storedTemplate(db, shopId);
  return t ? { profile: t.profile, template: t } : { profile: builtInProfile(kinds), template: null };
}

const header = (p: TemplateProfile): string[] => {
  const width = p.columns.reduce((n, c) => Math.max(n, c.index + 1), 0);
  const h = new Array<string>(width).fill('');
  for (const c of p.columns) h[c.index] = c.header;
  return h;
};

function kindsOf(items: Map<number, LoadedItem[]>): Set<string> {
  const kinds = new Set<string>();
  for (const list of items.values()) for (const it of list) kinds.add(it.kind);
  return kinds;
}

/** The split rule: an order's rows start a new file when they would take a non-empty one past `maxRows` (an order is never split across files). */
const startsNewPart = (rowsInPart: number, orderRows: number, maxRows: number): boolean => rowsInPart > 0 && rowsInPart + orderRows > maxRows;

/** How many files orders of these row counts fill (the preview's count; the export splits by the same rule). */
function countParts(rowCounts: number[], maxRows: number): number {
  let parts = 0;
  let inPart = 0;
  for (const n of rowCounts) {
    if (parts === 0 || startsNewPart(inPart, n, maxRows)) { parts++; inPart = 0; }
    inPart += n;
  }
  return parts;
}

const countBy = (list: { code: LeftOutCode }[]): Partial<Record<LeftOutCode, number>> => {
  const m: Partial<Record<LeftOutCode, number>> = {};
  for (const x of list) m[x.code] = (m[x.code] ?? 0) + 1;
  return m;
};

/** `export.preview`: the counts and the first rows (secrets masked), nothing written. */
export function previewExport(db: Db, req: Options): ExportPreview {
  const settings = getSettings(db);
  const maxRows = req.maxRows ?? settings.exportMaxRows;
  const s = selectOrders(db, req.shopId, req.narrow);
  const items = loadItems(db, req.shopId, new Set(s.ready.map((c) => c.id)), false);
  const { profile } = profileFor(db, req.shopId, kindsOf(items));
  dropUnplaceable(s, items, profile.columns);
  const rows = s.ready.map((c) => orderRows(profile, { orderNo: c.orderNo, rechargeNo: c.rechargeNo, items: items.get(c.id) ?? [] }));
  const rowCount = rows.reduce((n, r) => n + r.length, 0);
  const byProduct = new Map<string, { skuKey: string; title: string; spec: string; ready: number }>();
  for (const c of s.ready) {
    const p = byProduct.get(c.skuKey) ?? byProduct.set(c.skuKey, { skuKey: c.skuKey, title: c.productName, spec: c.spec, ready: 0 }).get(c.skuKey)!;
    p.ready++;
  }
  const leftOut = countBy(s.leftOut);
  if (s.notChosen) leftOut.NOT_CHOSEN = s.notChosen;
  return {
    ready: s.ready.length,
    items: s.ready.reduce((n, c) => n + (items.get(c.id) ?? []).filter((i) => i.kind !== 'recharge').length, 0),
    rows: rowCount,
    parts: countParts(rows.map((r) => r.length), maxRows),
    leftOut,
    byProduct: [...byProduct.values()].sort((a, b) => b.ready - a.ready),
    template: profile,
    header: header(profile),
    sample: rows.flat().slice(0, 5),
    leftOutSample: s.leftOut.slice(0, 50).map(({ id: _id, ...o }) => o),
  };
}

const MESSAGE_HEADER = ['订单号', '发货内容'];
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]/g, '_').trim() || '店铺';

/** A left-out order's 原因 and 处理方法, in Chinese (the exceptions file is read by people). */
function leftOutWords(db: Db, o: LeftOutOrder): [string, string] {
  if (o.code === 'RULE_BLOCKED' && o.rule) {
    const r = RULES[o.rule];
    return [`${LEFT_OUT_REASONS.RULE_BLOCKED}：${r.title}（${o.rule}）`, fillParams(r.fix, getRuleParams(db)[o.rule] as Record<string, string | number>)];
  }
  if (o.code === 'NO_COLUMN' && o.part) return [`${LEFT_OUT_REASONS.NO_COLUMN}（${COLUMN_ROLE_WORDS[o.part]}）`, LEFT_OUT_FIXES.NO_COLUMN];
  return [LEFT_OUT_REASONS[o.code], LEFT_OUT_FIXES[o.code]];
}

interface BuiltFile { kind: ExportFileKind; part: number; name: string; bytes: Uint8Array; rows: number; holdsSecrets: boolean; orderIds: number[] }

/**
 * `export.run`: the files for every ready order (narrowed as asked), and the orders marked
 * exported, in one transaction: either every order is exported with its file kept and recorded,
 * or nothing changed. The files are written into the data folder before the commit (a crash
 * there leaves files no export row counts; the next export removes them).
 */
export function runExport(db: Db, dataDir: string, req: ParsedReq<'export.run'>): ExportRecord {
  const settings = getSettings(db);
  const maxRows = req.maxRows ?? settings.exportMaxRows;
  const shop = getShop(db, req.shopId);
  const exportId = db.transaction((): number => {
    cleanOrphans(db, dataDir);
    const now = nowMs();
    const at = toBeijingIso(now);
    const s: Selection = selectOrders(db, req.shopId, req.narrow, req.reexport?.orderNos);
    if (req.reexport) {
      const taken = new Set(s.again.map((c) => c.orderNo));
      const bad = req.reexport.orderNos.find((n) => !taken.has(n));
      if (bad) throw new AppError('EXPORT_NOT_REEXPORTABLE', { detail: bad });
    }
    const chosen: Candidate[] = [...s.again, ...s.ready];
    const items = loadItems(db, req.shopId, new Set(chosen.map((c) => c.id)), true);
    const { profile, template } = profileFor(db, req.shopId, kindsOf(items));
    s.ready = chosen;
    dropUnplaceable(s, items, profile.columns);

    const format = req.format ?? (profile.format === 'csv' ? 'csv' : 'xlsx');
    const prepared: PreparedTemplate | null = format === 'xlsx'
      ? template && template.target
        ? prepareTemplate(unpackXlsx(template.bytes, template.profile.name), template.target, template.profile.name)
        : prepareTemplate(plainWorkbook(profile.sheet, header(profile), header(profile).map((h) => (h === '订单号' ? 26 : Math.max(14, h.length * 2 + 4)))), PLAIN_TARGET, profile.sheet)
      : null;
    const newPart = (): SheetSink => (prepared ? sheetWriter(prepared) : csvWriter(header(profile)));
    const messageSink: SheetSink = format === 'xlsx'
      ? sheetWriter(prepareTemplate(plainWorkbook('发货消息', MESSAGE_HEADER, [26, 80]), PLAIN_TARGET, '发货消息'))
      : csvWriter(MESSAGE_HEADER);

    // A thousand orders at a time: each message rendered and checked for diversion once more as it
    // leaves, then its rows go into the current part (a part full at maxRows; an order never split).
    const products = new Map((db.prepare('SELECT sku_key, kind, terms, confirmed FROM products WHERE shop_id = ?').all(req.shopId) as { sku_key: string; kind: MessageOrderRow['kind']; terms: string; confirmed: number }[]).map((p) => [p.sku_key, p]));
    const toMessageRow = (c: Candidate): MessageOrderRow => {
      const p = products.get(c.skuKey);
      return { id: c.id, order_no: c.orderNo, sku_key: c.skuKey, product_name: c.productName, spec: c.spec, quantity: c.quantity, recharge_no: c.rechargeNo, kind: p?.kind ?? null, terms: p?.terms ?? null, confirmed: p?.confirmed ?? null };
    };
    const ready: Candidate[] = [];
    // A part is finished (its bytes made, its text let go) as soon as the next one starts.
    const shipParts: { sink: SheetSink; orderIds: number[]; secrets: boolean; rows: number; bytes?: Uint8Array }[] = [];
    const finishPart = (p: (typeof shipParts)[number] | undefined) => { if (p && !p.bytes) { p.rows = p.sink.rows; p.bytes = p.sink.finish(); } };
    let holdsSecrets = false;
    // Each order's message, as its hash (content.ts): the delivery record commits to the text sent.
    const key = contentKey(db);
    const messageOf = new Map<number, string>();
    for (let from = 0; from < s.ready.length; from += 1000) {
      const chunk = s.ready.slice(from, from + 1000);
      const messages = messagesFor(db, req.shopId, chunk.map(toMessageRow), items);
      chunk.forEach((c, i) => {
        if (messages[i].blocked) {
          s.leftOut.push({ id: c.id, orderNo: c.orderNo, productName: c.productName, spec: c.spec, code: 'MESSAGE_DIVERSION' });
          return;
        }
        ready.push(c);
        messageSink.add([c.orderNo, messages[i].message]);
        messageOf.set(c.id, messageHash(key, messages[i].message));
        const its = items.get(c.id) ?? [];
        const rows = orderRows(profile, { orderNo: c.orderNo, rechargeNo: c.rechargeNo, items: its });
        let part = shipParts[shipParts.length - 1];
        if (!part || startsNewPart(part.sink.rows, rows.length, maxRows)) {
          finishPart(part);
          shipParts.push((part = { sink: newPart(), orderIds: [], secrets: false, rows: 0 }));
        }
        for (const r of rows) part.sink.add(r);
        part.orderIds.push(c.id);
        if (its.some((x) => x.kind !== 'recharge')) part.secrets = holdsSecrets = true;
      });
    }
    if (ready.length === 0) throw new AppError('EXPORT_NOTHING_READY');
    finishPart(shipParts[shipParts.length - 1]);

    const seq = (db.prepare('SELECT count(*) FROM exports WHERE shop_id = ? AND substr(at, 1, 10) = ?').pluck().get(req.shopId, at.slice(0, 10)) as number) + 1;
    const stem = `${safeName(shop.name)}-%s-${at.slice(0, 10).replace(/-/g, '')}${seq > 1 ? `-第${seq}批` : ''}`;
    const name = (what: string, suffix = '') => `${stem.replace('%s', what)}${suffix}.${format}`;
    const files: BuiltFile[] = shipParts.map((p, i) => ({
      kind: 'shipment', part: i + 1, name: name('无物流发货', `-${i + 1}of${shipParts.length}`), rows: p.rows, holdsSecrets: p.secrets, orderIds: p.orderIds, bytes: p.bytes!,
    }));
    files.push({ kind: 'messages', part: 1, name: name('发货消息'), rows: messageSink.rows, holdsSecrets, orderIds: [], bytes: messageSink.finish() });
    if (s.leftOut.length) {
      const ex = s.leftOut.map((o) => [o.orderNo, o.productName, o.spec, ...leftOutWords(db, o)]);
      const h = ['订单号', '商品', '规格', '原因', '处理方法'];
      files.push({
        kind: 'exceptions', part: 1, name: name('未导出订单'), rows: ex.length, holdsSecrets: false, orderIds: [],
        bytes: format === 'xlsx' ? simpleXlsx('未导出订单', h, ex, [26, 40, 20, 50, 60]) : csvFile(h, ex),
      });
    }

    const itemCount = ready.reduce((n, c) => n + (items.get(c.id) ?? []).filter((i) => i.kind !== 'recharge').length, 0);
    const reexport = req.reexport ? JSON.stringify({ orderNos: req.reexport.orderNos, reason: req.reexport.reason }) : null;
    const id = Number(db.prepare(`INSERT INTO exports (shop_id, at, format, template, built_in, profile, max_rows, orders, items, left_out, reexport, by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(req.shopId, at, format, profile.name, profile.builtIn ? 1 : 0, JSON.stringify(profile), maxRows,
      ready.length, itemCount, s.leftOut.length, reexport, thisPc()).lastInsertRowid);

    const insFile = db.prepare('INSERT INTO export_files (export_id, kind, part, name, sha256, rows, bytes, holds_secrets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insOrder = db.prepare('INSERT INTO export_orders (export_id, order_id, file_id, reexport_reason) VALUES (?, ?, ?, ?)');
    const againSet = new Set(s.again.map((c) => c.id));
    const byId = new Map(ready.map((c) => [c.id, c]));
    const fileRecords: { kind: string; name: string; sha256: string }[] = [];
    for (const f of files) {
      const sha = storeFile(dataDir, f.bytes);
      const fileId = Number(insFile.run(id, f.kind, f.part, f.name, sha, f.rows, f.bytes.byteLength, f.holdsSecrets ? 1 : 0).lastInsertRowid);
      fileRecords.push({ kind: f.kind, name: f.name, sha256: sha });
      if (f.kind !== 'shipment') continue;
      // The delivery records of this file, one per order: which items (by identity hash, never the
      // secret) went to which order, in which file, when; what each item held and the message sent,
      // as keyed hashes (content.ts), so `verify` finds a delivered item changed afterwards. They
      // join the hash-chained ledger as one entry per file (a thousand orders; one entry per order
      // made the ledger the export's slowest part).
      const deliveries: Record<string, unknown>[] = [];
      for (const orderId of f.orderIds) {
        const again = againSet.has(orderId);
        insOrder.run(id, orderId, fileId, again ? req.reexport!.reason : null);
        deliveries.push({
          orderNo: byId.get(orderId)!.orderNo,
          items: (items.get(orderId) ?? []).map((it) => (it.kind === 'recharge' ? { recharge: it.rechargeRef } : { itemId: it.itemId, identity: it.fingerprint, content: it.contentHash })),
          message: messageOf.get(orderId),
          ...(again ? { again: req.reexport!.reason } : {}),
        });
      }
      appendLedger(db, { shopId: req.shopId, event: 'delivery', subject: `file:${sha}`, detail: { exportId: id, file: sha, part: f.part, at, deliveries } });
    }
    // The orders, their allocations and their single-use items, marked in three statements over the export's orders.
    const taken = 'SELECT order_id FROM export_orders WHERE export_id = ?';
    db.prepare(`UPDATE orders SET ship_state = 'exported', ship_note = '', export_id = ?, exported_at = ? WHERE id IN (${taken})`).run(id, at, id);
    db.prepare(`UPDATE stock_items SET state = 'delivered' WHERE state = 'reserved' AND id IN (SELECT a.item_id FROM allocations a
      WHERE a.order_id IN (${taken}) AND a.released_at IS NULL AND a.reusable = 0 AND a.item_id IS NOT NULL)`).run(id);
    db.prepare(`UPDATE allocations SET exported_at = coalesce(exported_at, ?) WHERE released_at IS NULL AND order_id IN (${taken})`).run(at, id);
    appendLedger(db, { shopId: req.shopId, event: 'export', subject: `export:${id}`, detail: { orders: ready.length, items: itemCount, leftOut: s.leftOut.length, files: fileRecords, ...(reexport ? { reexport: JSON.parse(reexport) } : {}) } });
    faultPoint('export.beforeCommit');
    return id;
  }).immediate();
  return exportRecord(db, req.shopId, exportId);
}

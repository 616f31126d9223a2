import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceMime, VerifyProblem, VerifyReport } from '../../../../shared/domain';
import { toBeijingIso } from '../../../../shared/rules/classify';
import type { Db } from '../../db/open';
import type { Emit } from '../../../handlers/context';
import { nowMs } from '../clock';
import { contentKey, ContentRoot, itemContentHash } from '../content';
import { EXPORTS_DIR } from '../export/files';
import { auditLedger, type LedgerRow } from '../ledger';
import { EVIDENCE_DIR, evidenceRelPath, MIME_EXT } from './store';

/** The report lists this many problems; the rest are counted (`moreProblems`). */
export const VERIFY_MAX_PROBLEMS = 1000;

/** Files are hashed a chunk at a time: a 30 MB screenshot never sits in memory whole. */
const CHUNK = 1 << 20;

/** The SHA-256 of a file read in chunks, or null when it is not there. */
function hashFile(path: string, buf: Buffer): { sha256: string; bytes: number } | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw e;
  }
  try {
    const h = createHash('sha256');
    let bytes = 0;
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      h.update(n === buf.length ? buf : buf.subarray(0, n));
      bytes += n;
    }
    return { sha256: h.digest('hex'), bytes };
  } finally {
    closeSync(fd);
  }
}

/** One delivered item as a delivery record names it. */
interface DeliveredItem { entry: number; shopId: number | null; orderNo: string; itemId: number; content: string | null }

const orderKey = (shopId: number | null, orderNo: string) => `${shopId ?? ''}|${orderNo}`;

/** The JSON of a ledger row's detail, or null when it does not parse (such a row is already named as altered). */
function detailOf(r: LedgerRow): Record<string, unknown> | null {
  try {
    const d = JSON.parse(r.detail) as unknown;
    return d && typeof d === 'object' ? (d as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const asArray = (x: unknown): Record<string, unknown>[] => (Array.isArray(x) ? x.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : []);

/**
 * `evidence.verify` / `vship verify`: everything VShip keeps, checked against what it committed to.
 * 1. the ledger's chain and its anchored head (ledger.ts auditLedger), each problem by row id;
 * 2. every stored evidence file against its hash, the files no row knows, every evidence row against its evidence.add entry;
 * 3. every export file against its hash;
 * 4. every delivery record: each delivered item still bound to its order and holding what was
 *    delivered; every exported allocation with its delivery record;
 * 5. every stock item against its content hash, and each batch against the root its ledger entry committed to.
 * Reads only; streamed (ledger rows, items and allocations iterated, files hashed in chunks).
 */
export function verifyData(db: Db, dataDir: string, emit?: Emit): VerifyReport {
  const at = toBeijingIso(nowMs());
  const problems: VerifyProblem[] = [];
  let moreProblems = 0;
  const report = (p: VerifyProblem) => {
    if (problems.length < VERIFY_MAX_PROBLEMS) problems.push(p);
    else moreProblems++;
  };
  const jobId = `verify-${nowMs()}`;
  let lastEmit = 0;
  const progress = (phase: 'ledger' | 'files' | 'deliveries', done: number, total: number, force = false) => {
    if (!emit) return;
    const t = Date.now();
    if (!force && t - lastEmit < 100) return;
    lastEmit = t;
    emit('job.progress', { jobId, kind: 'verify', phase, done, total });
  };
  const key = contentKey(db);

  // 1. The ledger, read once: the delivery records, evidence entries and batch roots collected on the way.
  const ledgerTotal = db.prepare('SELECT count(*) FROM ledger').pluck().get() as number;
  const delivered: DeliveredItem[] = [];
  const deliveredOrders: { shopId: number | null; orderNo: string }[] = [];
  const recordedEvidence = new Map<number, string>();
  const roots = new Map<number, string>();
  let seen = 0;
  progress('ledger', 0, ledgerTotal, true);
  const audit = auditLedger(db, report, (r) => {
    seen++;
    if (seen % 1000 === 0) progress('ledger', seen, ledgerTotal);
    switch (r.event) {
      case 'delivery': {
        const d = detailOf(r);
        for (const dv of asArray(d?.deliveries)) {
          const orderNo = String(dv.orderNo ?? '');
          deliveredOrders.push({ shopId: r.shop_id, orderNo });
          for (const it of asArray(dv.items)) {
            if (typeof it.itemId === 'number') delivered.push({ entry: r.id, shopId: r.shop_id, orderNo, itemId: it.itemId, content: typeof it.content === 'string' ? it.content : null });
          }
        }
        break;
      }
      case 'evidence.add': {
        const d = detailOf(r);
        // One file per entry ({evidenceId, sha256}) or many ({items: [...]}): both read as items.
        for (const it of d && Array.isArray(d.items) ? asArray(d.items) : d ? [d] : []) {
          if (typeof it.evidenceId === 'number') recordedEvidence.set(it.evidenceId, String(it.sha256 ?? ''));
        }
        break;
      }
      case 'stock.import':
      case 'assign': {
        const d = detailOf(r);
        if (d && typeof d.batchId === 'number' && typeof d.contentRoot === 'string') roots.set(d.batchId, d.contentRoot);
        break;
      }
      case 'stock.commit': {
        for (const b of asArray(detailOf(r)?.batches)) if (typeof b.batchId === 'number' && typeof b.root === 'string') roots.set(b.batchId, b.root);
        break;
      }
    }
  });
  progress('ledger', audit.entries, ledgerTotal, true);

  // 2–3. Every stored file, hashed in chunks.
  const buf = Buffer.allocUnsafe(CHUNK);
  const evidenceRows = db.prepare('SELECT sha256, mime, bytes FROM evidence_files ORDER BY sha256').raw().all() as [string, string, number][];
  const exportRows = db.prepare('SELECT sha256, min(name) FROM export_files GROUP BY sha256 ORDER BY sha256').raw().all() as [string, string][];
  const filesTotal = evidenceRows.length + exportRows.length;
  let filesDone = 0;
  progress('files', 0, filesTotal, true);
  const known = new Set<string>();
  for (const [sha, mime, bytes] of evidenceRows) {
    const rel = MIME_EXT[mime as EvidenceMime] ? evidenceRelPath(sha, mime as EvidenceMime) : `${EVIDENCE_DIR}/${sha.slice(0, 2)}/${sha}.?`;
    known.add(rel);
    const got = MIME_EXT[mime as EvidenceMime] ? hashFile(join(dataDir, rel), buf) : null;
    if (!got) report({ code: 'EVIDENCE_FILE_MISSING', subject: `evidence:${sha}`, message: `凭证文件 ${rel} 缺失` });
    else if (got.bytes !== bytes || got.sha256 !== sha) report({ code: 'EVIDENCE_FILE_ALTERED', subject: `evidence:${sha}`, message: `凭证文件 ${rel} 被改动（内容与存入时的校验值不符）` });
    progress('files', ++filesDone, filesTotal);
  }
  // Files in the evidence folder that no row knows (a temporary file of an interrupted write is not one).
  const evDir = join(dataDir, EVIDENCE_DIR);
  if (existsSync(evDir)) {
    for (const d of readdirSync(evDir, { withFileTypes: true })) {
      const entries = d.isDirectory() ? readdirSync(join(evDir, d.name)).map((f) => `${EVIDENCE_DIR}/${d.name}/${f}`) : [`${EVIDENCE_DIR}/${d.name}`];
      for (const rel of entries) {
        if (known.has(rel) || /\/\.[^/]*\.\d+\.tmp$/.test(rel)) continue;
        report({ code: 'EVIDENCE_FILE_UNKNOWN', subject: `file:${rel}`, message: `凭证文件夹中的 ${rel} 不是 VShip 存入的（数据库中没有它的记录）` });
      }
    }
  }
  // Every evidence link has the ledger entry that added it, for this very file.
  for (const [id, sha, orderNo] of db.prepare('SELECT e.id, e.sha256, o.order_no FROM evidence e LEFT JOIN orders o ON o.id = e.order_id ORDER BY e.id').raw().iterate() as Iterable<[number, string, string | null]>) {
    const rec = recordedEvidence.get(id);
    if (rec === undefined) report({ code: 'EVIDENCE_UNRECORDED', subject: `evidence:${id}`, message: `订单 ${orderNo ?? '?'} 的凭证 #${id} 在台账中没有添加记录（不是 VShip 添加的）` });
    else if (rec !== sha) report({ code: 'EVIDENCE_UNRECORDED', subject: `evidence:${id}`, message: `订单 ${orderNo ?? '?'} 的凭证 #${id} 指向的文件与台账中添加时记下的不一致` });
  }
  for (const [sha, name] of exportRows) {
    const rel = `${EXPORTS_DIR}/${sha}`;
    const got = hashFile(join(dataDir, EXPORTS_DIR, sha), buf);
    if (!got) report({ code: 'EXPORT_FILE_MISSING', subject: `export:${sha}`, message: `导出文件 ${rel}（${name}）缺失` });
    else if (got.sha256 !== sha) report({ code: 'EXPORT_FILE_ALTERED', subject: `export:${sha}`, message: `导出文件 ${rel}（${name}）被改动（内容与导出时的校验值不符）` });
    progress('files', ++filesDone, filesTotal);
  }
  progress('files', filesDone, filesTotal, true);

  // 4–5. Delivered items and stock. Orders by (shop, number); the items each delivery record names.
  const orderIdOf = new Map<string, number>();
  const orderNoOf = new Map<number, string>();
  for (const [id, shopId, no] of db.prepare('SELECT id, shop_id, order_no FROM orders ORDER BY damaged DESC, id DESC').raw().iterate() as Iterable<[number, number, string]>) {
    orderIdOf.set(orderKey(shopId, no), id);
    orderNoOf.set(id, no);
  }
  const byItem = new Map<number, DeliveredItem[]>();
  for (const d of delivered) {
    const list = byItem.get(d.itemId);
    if (list) list.push(d);
    else byItem.set(d.itemId, [d]);
  }
  const stockTotal = db.prepare('SELECT count(*) FROM stock_items').pluck().get() as number;
  const deliveriesTotal = delivered.length + stockTotal;
  let deliveriesDone = 0;
  progress('deliveries', 0, deliveriesTotal, true);

  // 5. Every stock item against its content hash, each batch against its committed root; the
  // delivered ones against their delivery records' content.
  const stockProblem = (subject: string, message: string) => report({ code: 'STOCK_CONTENT_DIFFERS', subject, message });
  const present = new Set<number>();
  let batch: { id: number; root: ContentRoot } | null = null;
  const seenBatches = new Set<number>();
  const closeBatch = () => {
    if (!batch) return;
    seenBatches.add(batch.id);
    const committed = roots.get(batch.id);
    if (committed === undefined) stockProblem(`batch:${batch.id}`, `库存批次 #${batch.id} 在台账中没有导入记录（不是 VShip 导入的）`);
    else if (committed !== batch.root.digest()) stockProblem(`batch:${batch.id}`, `库存批次 #${batch.id} 的条目与导入时台账记下的不一致（条目被改动、加入或移出）`);
  };
  for (const [id, batchId, kind, card_no, password, code, login, extras, stored] of db.prepare('SELECT id, batch_id, kind, card_no, password, code, login, extras, content_hash FROM stock_items ORDER BY batch_id, id')
    .raw().iterate() as Iterable<[number, number, string, string, string, string, string, string, string | null]>) {
    if (!batch || batch.id !== batchId) {
      closeBatch();
      batch = { id: batchId, root: new ContentRoot() };
    }
    batch.root.add(id, stored);
    const now = itemContentHash(key, { kind, card_no, password, code, login, extras });
    if (stored === null || now !== stored) stockProblem(`item:${id}`, `库存条目 #${id} 的内容与导入时记录的不一致`);
    const records = byItem.get(id);
    if (records) {
      present.add(id);
      for (const d of records) {
        if (d.content !== null && d.content !== now) report({ code: 'ITEM_CONTENT_DIFFERS', subject: `order:${d.orderNo}`, message: `订单 ${d.orderNo} 的条目内容与发货时不一致（条目 #${id}，台账第 ${d.entry} 条）` });
      }
    }
    if (++deliveriesDone % 5000 === 0) progress('deliveries', deliveriesDone, deliveriesTotal);
  }
  closeBatch();
  for (const b of roots.keys()) {
    if (!seenBatches.has(b) && (db.prepare('SELECT added FROM stock_batches WHERE id = ?').pluck().get(b) as number | undefined ?? 1) > 0) {
      stockProblem(`batch:${b}`, `库存批次 #${b} 的条目被删除（台账记下了它的导入）`);
    }
  }

  // 4. Each delivered item still bound to the order it was delivered to.
  const boundTo = new Map<number, number[]>();
  for (const [itemId, orderId] of db.prepare('SELECT item_id, order_id FROM allocations WHERE item_id IS NOT NULL AND released_at IS NULL').raw().iterate() as Iterable<[number, number]>) {
    const list = boundTo.get(itemId);
    if (list) list.push(orderId);
    else boundTo.set(itemId, [orderId]);
  }
  const recordedPairs = new Set<string>();
  for (const d of delivered) {
    const orderId = orderIdOf.get(orderKey(d.shopId, d.orderNo));
    if (orderId !== undefined) recordedPairs.add(`${orderId}|${d.itemId}`);
    const bound = boundTo.get(d.itemId) ?? [];
    if (!present.has(d.itemId)) report({ code: 'ITEM_CONTENT_DIFFERS', subject: `order:${d.orderNo}`, message: `订单 ${d.orderNo} 的发货条目 #${d.itemId} 已不在库存中（台账第 ${d.entry} 条）` });
    else if (orderId === undefined) report({ code: 'ALLOCATION_MOVED', subject: `order:${d.orderNo}`, message: `订单 ${d.orderNo} 已不在数据库中，它的发货条目 #${d.itemId} 无处可查（台账第 ${d.entry} 条）` });
    else if (!bound.includes(orderId)) {
      const now = bound.map((o) => orderNoOf.get(o) ?? `#${o}`);
      report({ code: 'ALLOCATION_MOVED', subject: `order:${d.orderNo}`, message: now.length ? `订单 ${d.orderNo} 的发货条目 #${d.itemId} 现在属于订单 ${now.join('、')}` : `订单 ${d.orderNo} 的发货条目 #${d.itemId} 现在不属于任何订单` });
    }
    if (++deliveriesDone % 5000 === 0) progress('deliveries', deliveriesDone, deliveriesTotal);
  }
  // Every exported allocation has its delivery record (an item by item and order; a top-up by its order).
  const recordedOrders = new Set<number>();
  for (const o of deliveredOrders) {
    const id = orderIdOf.get(orderKey(o.shopId, o.orderNo));
    if (id !== undefined) recordedOrders.add(id);
  }
  for (const [orderId, itemId] of db.prepare('SELECT order_id, item_id FROM allocations WHERE exported_at IS NOT NULL AND released_at IS NULL ORDER BY order_id, id').raw().iterate() as Iterable<[number, number | null]>) {
    const no = orderNoOf.get(orderId) ?? `#${orderId}`;
    if (itemId !== null ? !recordedPairs.has(`${orderId}|${itemId}`) : !recordedOrders.has(orderId)) {
      report({ code: 'DELIVERY_RECORD_MISSING', subject: `order:${no}`, message: itemId !== null ? `订单 ${no} 的条目 #${itemId} 已导出发货，但台账中没有它的发货记录` : `订单 ${no} 已导出发货，但台账中没有它的发货记录` });
    }
  }
  progress('deliveries', deliveriesTotal, deliveriesTotal, true);

  return {
    ok: problems.length === 0,
    at,
    checked: { ledgerEntries: audit.entries, evidenceFiles: evidenceRows.length, exportFiles: exportRows.length, deliveries: deliveredOrders.length, items: delivered.length, stockItems: stockTotal },
    head: audit.last,
    problems,
    moreProblems,
  };
}

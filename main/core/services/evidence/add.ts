import type { ParsedReq } from '../../../../shared/contract';
import type { EvidenceAddResult, EvidenceImportResult, EvidenceItem, EvidenceKind, EvidenceMime, EvidenceRefusal, EvidenceSource } from '../../../../shared/domain';
import { EVIDENCE_MAX_BYTES } from '../../../../shared/domain';
import { formatErrorMessage } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import { nowIso } from '../clock';
import { appendLedger } from '../ledger';
import { sniffMime } from './file-type';
import { itemById, orderByNo } from './items';
import { kindFromName } from './kind';
import { OrderMatcher } from './match';
import { readEvidenceMeta, type EvidenceMeta } from './metadata';
import { sha256Hex, storeEvidenceBytes } from './store';

/** A file that passed the checks, with what it says about itself. */
interface Checked extends EvidenceMeta {
  /** Its place in the request. */
  index: number;
  name: string;
  bytes: Uint8Array;
  mime: EvidenceMime;
  sha256: string;
}

type InFile = { name: string; bytes: Uint8Array; modifiedAt?: number };

/**
 * Type by bytes, size, then metadata (async, exifr: before any transaction). A file whose
 * signature is right but whose body is damaged — a PNG cut short, IEND missing — is accepted:
 * it is what the merchant has, it is kept byte for byte under its hash, a browser still shows
 * the part that is there, and refusing it could lose the only copy of a proof. Its metadata is
 * read as far as it goes.
 */
async function checkFiles(files: readonly InFile[]): Promise<{ ok: Checked[]; refused: EvidenceRefusal[] }> {
  const ok: Checked[] = [];
  const refused: EvidenceRefusal[] = [];
  const refuse = (name: string, code: EvidenceRefusal['code']) => refused.push({ name, code, message: formatErrorMessage(code, { file: name }) });
  for (const [index, f] of files.entries()) {
    if (f.bytes.length === 0) { refuse(f.name, 'EVIDENCE_EMPTY'); continue; }
    if (f.bytes.length > EVIDENCE_MAX_BYTES) { refuse(f.name, 'EVIDENCE_TOO_LARGE'); continue; }
    const mime = sniffMime(f.bytes);
    if (!mime) { refuse(f.name, 'EVIDENCE_NOT_ALLOWED'); continue; }
    const meta = await readEvidenceMeta(f.bytes, mime, f.modifiedAt);
    ok.push({ index, name: f.name, bytes: f.bytes, mime, sha256: sha256Hex(f.bytes), ...meta });
  }
  return { ok, refused };
}

/** One file onto one order, as linkEvidence takes it. */
interface Link { orderId: number; orderNo: string; file: Checked; kind: EvidenceKind; note: string; source: EvidenceSource }
interface Linked { item: EvidenceItem; stored: boolean; already: boolean }

/**
 * Writes the bytes (outside the transaction: a crash after it leaves a file no row names, which
 * `verify` reports as unknown and nothing else minds), then every row and one ledger entry in one
 * transaction: all the links or none. The same bytes on the same order are reported as already
 * there (a hidden one is shown again, in the ledger entry with `shownAgain`); on another order
 * they are a new link to the one stored file.
 */
function linkEvidence(db: Db, dataDir: string, shopId: number, links: readonly Link[]): Linked[] {
  if (!links.length) return [];
  for (const l of links) storeEvidenceBytes(dataDir, l.file.bytes, l.file.mime, l.file.sha256);
  const at = nowIso();
  const insFile = db.prepare('INSERT OR IGNORE INTO evidence_files (sha256, bytes, mime, stored_at) VALUES (?, ?, ?, ?)');
  const existing = db.prepare('SELECT id, hidden_at FROM evidence WHERE order_id = ? AND sha256 = ?');
  const show = db.prepare('UPDATE evidence SET hidden_at = NULL, hidden_reason = NULL WHERE id = ?');
  const ins = db.prepare(`INSERT INTO evidence (shop_id, order_id, sha256, name, kind, note, source, added_at, captured_at, captured_from)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return db.transaction(() => {
    const out: { id: number; stored: boolean; already: boolean }[] = [];
    const ledger: Record<string, unknown>[] = [];
    for (const l of links) {
      const f = l.file;
      const stored = insFile.run(f.sha256, f.bytes.length, f.mime, at).changes === 1;
      const was = existing.get(l.orderId, f.sha256) as { id: number; hidden_at: string | null } | undefined;
      if (was) {
        if (was.hidden_at !== null) {
          show.run(was.id);
          const item = itemById(db, was.id);
          ledger.push({ evidenceId: was.id, orderNo: l.orderNo, sha256: f.sha256, name: item.name, mime: f.mime, bytes: f.bytes.length, kind: item.kind, shownAgain: true });
        }
        out.push({ id: was.id, stored, already: true });
        continue;
      }
      const id = Number(ins.run(shopId, l.orderId, f.sha256, f.name, l.kind, l.note, l.source, at, f.capturedAt, f.capturedFrom).lastInsertRowid);
      ledger.push({ evidenceId: id, orderNo: l.orderNo, sha256: f.sha256, name: f.name, mime: f.mime, bytes: f.bytes.length, kind: l.kind });
      out.push({ id, stored, already: false });
    }
    if (ledger.length) {
      const orders = new Set(ledger.map((x) => x.orderNo));
      appendLedger(db, { shopId, event: 'evidence.add', subject: orders.size === 1 ? `order:${[...orders][0] as string}` : 'evidence:batch', detail: { items: ledger } });
    }
    return out.map((o) => ({ item: itemById(db, o.id), stored: o.stored, already: o.already }));
  })();
}

/** `evidence.add`: files onto one order; refusals per file, an unknown order refuses the request. */
export async function addEvidence(db: Db, dataDir: string, req: ParsedReq<'evidence.add'>): Promise<EvidenceAddResult> {
  const order = orderByNo(db, req.shopId, req.orderNo);
  const { ok, refused } = await checkFiles(req.files);
  // Checked again after the await: the order is still there (another request may have run).
  orderByNo(db, req.shopId, req.orderNo);
  const linked = linkEvidence(db, dataDir, req.shopId, ok.map((file) => ({
    orderId: order.id, orderNo: order.orderNo, file, kind: req.kind ?? kindFromName(file.name), note: req.note ?? '', source: req.source ?? 'drop',
  })));
  const added = linked.filter((l) => !l.already).map((l) => ({ ...l.item, stored: l.stored }));
  const already = linked.filter((l) => l.already).map((l) => l.item);
  return { added, already, refused };
}

/** `evidence.import`: a folder's files, each onto the order its name (or metadata) names; the others listed. */
export async function importEvidence(db: Db, dataDir: string, req: ParsedReq<'evidence.import'>): Promise<EvidenceImportResult> {
  const { ok, refused } = await checkFiles(req.files);
  const matcher = new OrderMatcher(db, req.shopId);
  const links: (Link & { by: 'orderNo' | 'rechargeNo' | 'metadata' })[] = [];
  const unmatched: EvidenceImportResult['unmatched'] = [];
  for (const file of ok) {
    const m = matcher.match(file.name, file.texts);
    if (!m.ok) { unmatched.push({ name: file.name, reason: m.reason, candidates: m.candidates }); continue; }
    links.push({ orderId: m.orderId, orderNo: m.orderNo, file, kind: req.kind ?? kindFromName(file.name), note: '', source: 'folder', by: m.by });
  }
  const linked = linkEvidence(db, dataDir, req.shopId, links);
  const matched = linked.map((l, i) => ({ name: links[i]!.file.name, orderNo: links[i]!.orderNo, by: links[i]!.by, item: l.item, stored: l.stored, already: l.already }));
  return { matched, unmatched, refused };
}

/** `evidence.hide`: off its order (and the lists and packs); the file and the row stay, the ledger says why. */
export function hideEvidence(db: Db, shopId: number, id: number, reason: string): EvidenceItem {
  return db.transaction(() => {
    const item = itemById(db, id, shopId);
    if (item.hidden) return item;
    db.prepare('UPDATE evidence SET hidden_at = ?, hidden_reason = ? WHERE id = ?').run(nowIso(), reason, id);
    appendLedger(db, { shopId, event: 'evidence.hide', subject: `evidence:${id}`, detail: { evidenceId: id, sha256: item.sha256, reason } });
    return itemById(db, id);
  })();
}

/** `evidence.update`: another kind or note, recorded in the ledger (nothing changed, nothing recorded). */
export function updateEvidence(db: Db, req: ParsedReq<'evidence.update'>): EvidenceItem {
  return db.transaction(() => {
    const item = itemById(db, req.id, req.shopId);
    const kind = req.kind !== undefined && req.kind !== item.kind ? req.kind : undefined;
    const note = req.note !== undefined && req.note !== item.note ? req.note : undefined;
    if (kind === undefined && note === undefined) return item;
    db.prepare('UPDATE evidence SET kind = ?, note = ? WHERE id = ?').run(kind ?? item.kind, note ?? item.note, item.id);
    appendLedger(db, { shopId: req.shopId, event: 'evidence.update', subject: `evidence:${item.id}`, detail: { evidenceId: item.id, ...(kind !== undefined ? { kind } : {}), ...(note !== undefined ? { note } : {}) } });
    return itemById(db, item.id);
  })();
}

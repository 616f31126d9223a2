import { createHash } from 'node:crypto';
import type { EvidenceKind, RecordMask } from '../../../../shared/domain/evidence';
import { AppError } from '../../../../shared/errors';
import { maskSecret } from '../../../../shared/rules/mask';
import type { Db } from '../../db/open';
import { readSpreadsheet } from '../../io/read-spreadsheet';
import { revealOrderItems } from '../allocation/items';
import { readStoredFile } from '../export/files';
import { maskItem } from '../stock';

/**
 * The facts of a delivery record (发货凭证): gathered from the order, its allocations, the export
 * that carried it (the shipment file's hash, the 发货消息 file's text) and the ledger's delivery
 * entry. `facts` are the part the verification code covers: hashes and times only, never a secret,
 * the same whether the items are shown masked or in full; a pack's manifest.json carries them so a
 * third party can recompute the code.
 */

/** A delivery as the ledger's entry holds it (export/run.ts), with the commitments added by the integrity step where present. */
export interface LedgerDelivery {
  orderNo: string;
  items: ({ itemId: number; identity: string; content?: string } | { recharge: string; content?: string })[];
  message?: string;
  again?: string;
}

/** One ledger row as stored (the fields its hash covers, plus id and hash). */
export interface LedgerRow { id: number; at: string; shop_id: number | null; event: string; subject: string; detail: string; prev_hash: string; hash: string }

export interface RecordEvidence { id: number; name: string; kind: EvidenceKind; mime: string; sha256: string; addedAt: string; capturedAt: string | null }

/** What the verification code covers (key order fixed; hashed as canonical JSON: keys sorted, no spaces). */
export interface RecordFacts {
  v: 1;
  shop: string;
  orderNo: string;
  product: string;
  spec: string;
  quantity: number;
  paidAt: string | null;
  filledAt: string | null;
  exportedAt: string;
  shippedAt: string | null;
  exportFile: { name: string; sha256: string };
  ledger: { id: number; hash: string } | null;
  delivery: LedgerDelivery | null;
  evidence: { name: string; kind: EvidenceKind; sha256: string }[];
}

/** An item as the record shows it, with its content commitment from the delivery entry (null when the entry has none). */
export interface RecordItemView { kind: string; text: string; content: string | null }

export interface DeliveryRecordData {
  orderId: number;
  facts: RecordFacts;
  /** XXXX-XXXX-XXXX, from `facts`. */
  code: string;
  mask: RecordMask;
  rechargeNo: string;
  items: RecordItemView[];
  /** The message as the 发货消息 file holds it (secrets masked unless `mask` is full); null when the file has no row for the order. */
  message: string | null;
  ledgerAt: string | null;
  evidence: RecordEvidence[];
  /** Beijing time the record was made. */
  madeAt: string;
}

/** JSON with every object's keys sorted and no spaces: the one text a verification code is computed over. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 of bytes, without padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) { out += BASE32[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The short verification code: the first 12 base32 characters of SHA-256(canonical JSON of the facts), as XXXX-XXXX-XXXX. */
export function verificationCode(facts: RecordFacts): string {
  const c = base32(createHash('sha256').update(canonicalJson(facts), 'utf8').digest()).slice(0, 12);
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8, 12)}`;
}

interface OrderRow {
  id: number; order_no: string; product_name: string; spec: string; quantity: number; paid_at: string | null; exported_at: string | null;
  ship_state: string | null; export_id: number | null; recharge_no: string;
}

const ORDER_COLUMNS = 'id, order_no, product_name, spec, quantity, paid_at, exported_at, ship_state, export_id, recharge_no';

/** The shop's order by number; ORDER_NOT_FOUND, or ORDER_NOT_DELIVERED when it was never exported. */
export function deliveredOrder(db: Db, shopId: number, orderNo: string): OrderRow {
  const o = db.prepare(`SELECT ${ORDER_COLUMNS} FROM orders WHERE shop_id = ? AND order_no = ? AND damaged = 0 ORDER BY id LIMIT 1`).get(shopId, orderNo) as OrderRow | undefined;
  if (!o) throw new AppError('ORDER_NOT_FOUND', { detail: orderNo });
  if (o.export_id === null || o.exported_at === null || o.ship_state === null) throw new AppError('ORDER_NOT_DELIVERED', { detail: orderNo });
  return o;
}

/** The shop's delivered orders exported on the days from..to (Beijing, inclusive), oldest export first. */
export function deliveredOrdersBetween(db: Db, shopId: number, from: string, to: string): OrderRow[] {
  return db.prepare(`SELECT ${ORDER_COLUMNS} FROM orders WHERE shop_id = ? AND damaged = 0 AND export_id IS NOT NULL AND ship_state IS NOT NULL
    AND exported_at IS NOT NULL AND substr(exported_at, 1, 10) BETWEEN ? AND ? ORDER BY exported_at, id`).all(shopId, from, to) as OrderRow[];
}

/** How many delivered orders those days hold (the pack's cap is checked before anything is read). */
export function countDeliveredBetween(db: Db, shopId: number, from: string, to: string): number {
  return db.prepare(`SELECT count(*) FROM orders WHERE shop_id = ? AND damaged = 0 AND export_id IS NOT NULL AND ship_state IS NOT NULL
    AND exported_at IS NOT NULL AND substr(exported_at, 1, 10) BETWEEN ? AND ?`).pluck().get(shopId, from, to) as number;
}

interface ItemRow { order_id: number; item_id: number | null; a_kind: string; recharge_ref: string; created_at: string; kind: string | null; card_no: string | null; password: string | null; code: string | null; login: string | null; extras: string | null }

/** Reads the 发货消息 file of each export once: order number → message. */
export class MessageFiles {
  private readonly byExport = new Map<number, Map<string, string>>();
  constructor(private readonly db: Db, private readonly dataDir: string) {}

  messageOf(exportId: number, orderNo: string): string | null {
    let m = this.byExport.get(exportId);
    if (!m) {
      m = this.read(exportId);
      this.byExport.set(exportId, m);
    }
    return m.get(orderNo) ?? null;
  }

  private read(exportId: number): Map<string, string> {
    const m = new Map<string, string>();
    const f = this.db.prepare("SELECT name, sha256 FROM export_files WHERE export_id = ? AND kind = 'messages' ORDER BY part LIMIT 1").get(exportId) as { name: string; sha256: string } | undefined;
    if (!f) return m;
    const bytes = readStoredFile(this.dataDir, f.sha256);
    let noAt = 0;
    let textAt = 1;
    readSpreadsheet(f.name, bytes, {
      header(cells) {
        const n = cells.indexOf('订单号');
        const t = cells.indexOf('发货内容');
        if (n >= 0) noAt = n;
        if (t >= 0) textAt = t;
      },
      row(r) {
        const no = r.cells[noAt];
        if (no !== undefined && no !== '') m.set(String(no), String(r.cells[textAt] ?? ''));
      },
    });
    return m;
  }
}

/** The secrets inside an item (its identity, password, extras), each with what a masked text shows instead. */
function secretsOf(r: ItemRow): [string, string][] {
  const out: [string, string][] = [];
  const add = (s: string | null, masked: string) => { if (s && s.trim()) out.push([s.trim(), masked]); };
  add(r.card_no, maskSecret(r.card_no ?? ''));
  add(r.code, maskSecret(r.code ?? ''));
  add(r.login, maskSecret(r.login ?? ''));
  add(r.password, '******');
  add(r.extras, '******');
  return out;
}

/** The message with every secret of the order's items replaced by its masked form (longest first, so no part of a longer one is left). */
export function maskMessage(text: string, items: readonly ItemRow[]): string {
  const pairs = items.flatMap(secretsOf).sort((a, b) => b[0].length - a[0].length);
  let out = text;
  for (const [secret, masked] of pairs) out = out.split(secret).join(masked);
  return out;
}

const KIND_WORDS: Record<string, string> = { card: '卡密', code: '激活码', account: '账号', recharge: '直充' };

function itemView(r: ItemRow, full: boolean): Omit<RecordItemView, 'content'> {
  if (r.a_kind === 'recharge') return { kind: KIND_WORDS.recharge, text: `已充值${r.recharge_ref ? `（${r.recharge_ref}）` : ''}` };
  const kind = r.kind ?? 'code';
  if (!full) return { kind: KIND_WORDS[kind] ?? kind, text: maskItem({ kind, card_no: r.card_no ?? '', code: r.code ?? '', login: r.login ?? '' }) };
  const parts = kind === 'card' ? [`卡号 ${r.card_no}`, `密码 ${r.password}`] : kind === 'account' ? [`账号 ${r.login}`, `密码 ${r.password}`] : [`${r.code}`];
  if (r.extras) parts.push(r.extras);
  return { kind: KIND_WORDS[kind] ?? kind, text: parts.join('  ') };
}

/** The content commitment the delivery entry holds for this item (by item id, or the recharge reference). */
function commitmentOf(d: LedgerDelivery | null, r: ItemRow): string | null {
  const it = d?.items.find((x) => ('itemId' in x ? x.itemId === r.item_id : r.a_kind === 'recharge' && x.recharge === r.recharge_ref));
  return it?.content ?? null;
}

/** The delivery entry of the export that carried the order, and the order's delivery in it. */
function deliveryEntry(db: Db, shopId: number, exportId: number, fileSha: string, orderNo: string): { row: LedgerRow; delivery: LedgerDelivery } | null {
  const rows = db.prepare("SELECT id, at, shop_id, event, subject, detail, prev_hash, hash FROM ledger WHERE event = 'delivery' AND subject = ? AND shop_id = ? ORDER BY id").all(`file:${fileSha}`, shopId) as LedgerRow[];
  for (const row of rows) {
    const detail = JSON.parse(row.detail) as { exportId?: number; deliveries?: LedgerDelivery[] };
    if (detail.exportId !== exportId) continue;
    const delivery = detail.deliveries?.find((d) => d.orderNo === orderNo);
    if (delivery) return { row, delivery };
  }
  return null;
}

/** The order's evidence (hidden items left out), oldest first. */
export function orderEvidence(db: Db, orderId: number): RecordEvidence[] {
  return (db.prepare(`SELECT e.id, e.name, e.kind, f.mime, e.sha256, e.added_at, e.captured_at FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256
    WHERE e.order_id = ? AND e.hidden_at IS NULL ORDER BY e.added_at, e.id`).all(orderId) as { id: number; name: string; kind: EvidenceKind; mime: string; sha256: string; added_at: string; captured_at: string | null }[])
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind, mime: r.mime, sha256: r.sha256, addedAt: r.added_at, capturedAt: r.captured_at }));
}

/**
 * The records of delivered orders. `mask: 'full'` shows the items and the message in full and is
 * recorded in the ledger as one reveal (`why` its subject), as revealing an order's items is.
 */
export function gatherRecords(db: Db, dataDir: string, shopId: number, orders: readonly OrderRow[], mask: RecordMask, why: string, madeAt: string, messages = new MessageFiles(db, dataDir)): DeliveryRecordData[] {
  const shop = db.prepare('SELECT name FROM shops WHERE id = ?').pluck().get(shopId) as string | undefined;
  if (shop === undefined) throw new AppError('SHOP_NOT_FOUND', { detail: String(shopId) });
  const itemSt = db.prepare(`SELECT a.order_id, a.item_id, a.kind AS a_kind, a.recharge_ref, a.created_at, i.kind, i.card_no, i.password, i.code, i.login, i.extras
    FROM allocations a LEFT JOIN stock_items i ON i.id = a.item_id WHERE a.order_id = ? AND a.released_at IS NULL ORDER BY a.id`);
  const fileSt = db.prepare("SELECT f.name, f.sha256 FROM export_orders eo JOIN export_files f ON f.id = eo.file_id WHERE eo.export_id = ? AND eo.order_id = ?");
  const shippedSt = db.prepare("SELECT seen_at FROM order_changes WHERE order_id = ? AND field = 'shipState' AND after = 'shipped' ORDER BY id DESC LIMIT 1").pluck();
  const full = mask === 'full';
  // The full view is a reveal, recorded once for all the orders (ids only, never the secrets).
  if (full) revealOrderItems(db, shopId, orders.map((o) => o.id), why);
  return orders.map((o) => {
    const items = itemSt.all(o.id) as ItemRow[];
    const file = fileSt.get(o.export_id, o.id) as { name: string; sha256: string } | undefined;
    if (!file) throw new AppError('ORDER_NOT_DELIVERED', { detail: o.order_no });
    const entry = deliveryEntry(db, shopId, o.export_id!, file.sha256, o.order_no);
    const shippedAt = o.ship_state === 'shipped' ? ((shippedSt.get(o.id) as string | undefined) ?? null) : null;
    const filledAt = items.reduce<string | null>((min, r) => (min === null || r.created_at < min ? r.created_at : min), null);
    const evidence = orderEvidence(db, o.id);
    const facts: RecordFacts = {
      v: 1, shop, orderNo: o.order_no, product: o.product_name, spec: o.spec, quantity: o.quantity,
      paidAt: o.paid_at, filledAt, exportedAt: o.exported_at!, shippedAt,
      exportFile: { name: file.name, sha256: file.sha256 },
      ledger: entry ? { id: entry.row.id, hash: entry.row.hash } : null,
      delivery: entry?.delivery ?? null,
      evidence: evidence.map((e) => ({ name: e.name, kind: e.kind, sha256: e.sha256 })),
    };
    const raw = messages.messageOf(o.export_id!, o.order_no);
    return {
      orderId: o.id, facts, code: verificationCode(facts), mask,
      rechargeNo: o.recharge_no,
      items: items.map((r) => ({ ...itemView(r, full), content: commitmentOf(entry?.delivery ?? null, r) })),
      message: raw === null ? null : full ? raw : maskMessage(raw, items),
      ledgerAt: entry?.row.at ?? null,
      evidence, madeAt,
    };
  });
}

import { zipSync, type Zippable } from 'fflate';
import type { ParsedReq, Res } from '../../../../shared/contract';
import type { EvidenceMime } from '../../../../shared/domain/evidence';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import type { PageRenderer } from '../../../handlers/context';
import { VERSION } from '../../version';
import { nowIso, nowMs } from '../clock';
import { readLedgerHead } from '../ledger';
import { getShop } from '../shops';
import { recordHtml } from './record-html';
import { countDeliveredBetween, deliveredOrder, deliveredOrdersBetween, gatherRecords, type DeliveryRecordData, type LedgerRow } from './record-data';
import { recordFileName } from './record';
import { readEvidenceBytes, sha256Hex } from './store';

/**
 * The evidence pack (证据包): one ZIP a merchant uploads to a dispute. Per order a folder
 * `<orderNo>/` with its evidence files (hidden ones left out) and its delivery record as PNG and
 * PDF; beside them `ledger.jsonl` (the ledger entries that concern the orders, each whole, so
 * anyone can recompute its hash), `manifest.json` (every file's size and SHA-256, the records'
 * facts and codes, the chain head) and `说明.txt` (how to check it, in Chinese).
 *
 * Everything is read and checked before the ZIP is written: a stored file missing or altered
 * makes the whole pack fail, naming the file — a pack never silently leaves something out.
 * Limits: at most PACK_MAX_ORDERS orders and PACK_MAX_BYTES of files per pack (each record is
 * rendered twice and the pack is held in memory to hand it over); beyond either, PACK_TOO_LARGE
 * before anything is rendered, and the merchant packs a shorter range.
 */
export const PACK_MAX_ORDERS = 200;
export const PACK_MAX_BYTES = 500 * 1024 * 1024;

const LEDGER_FILE = 'ledger.jsonl';
const MANIFEST_FILE = 'manifest.json';
const README_FILE = '说明.txt';

/** Already-compressed kinds are stored, the rest deflated. */
const STORED_MIMES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim() || '文件';

/** A file name not yet taken in its folder: `a.png`, then `a (2).png`… (Windows compares names without case). */
function uniqueName(taken: Set<string>, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let n = 1;
  let candidate = name;
  while (taken.has(candidate.toLowerCase())) candidate = `${stem} (${++n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

interface PackFile { path: string; bytes: Uint8Array; store: boolean }

/** The ledger entries that concern these orders: their deliveries, the exports that carried them, their evidence's entries, reveals of them. */
export function ledgerEntriesFor(db: Db, shopId: number, orderNos: ReadonlySet<string>, exportIds: ReadonlySet<number>, evidenceIds: ReadonlySet<number>): LedgerRow[] {
  const rows = db.prepare(`SELECT id, at, shop_id, event, subject, detail, prev_hash, hash FROM ledger
    WHERE shop_id = ? AND event IN ('delivery', 'export', 'evidence.add', 'evidence.hide', 'evidence.update', 'reveal') ORDER BY id`).iterate(shopId) as Iterable<LedgerRow>;
  const out: LedgerRow[] = [];
  const subjectOrder = (s: string) => (s.startsWith('order:') || s.startsWith('record:')) && orderNos.has(s.slice(s.indexOf(':') + 1));
  for (const r of rows) {
    let take = false;
    switch (r.event) {
      case 'delivery': {
        const d = JSON.parse(r.detail) as { deliveries?: { orderNo: string }[] };
        take = !!d.deliveries?.some((x) => orderNos.has(x.orderNo));
        break;
      }
      case 'export':
        take = r.subject.startsWith('export:') && exportIds.has(Number(r.subject.slice(7)));
        break;
      case 'evidence.add': {
        const d = JSON.parse(r.detail) as { items?: { orderNo?: string; evidenceId?: number }[]; evidenceId?: number };
        take = subjectOrder(r.subject) || !!d.items?.some((x) => (x.orderNo !== undefined && orderNos.has(x.orderNo)) || (x.evidenceId !== undefined && evidenceIds.has(x.evidenceId)));
        break;
      }
      case 'evidence.hide':
      case 'evidence.update':
        take = r.subject.startsWith('evidence:') && evidenceIds.has(Number(r.subject.slice(9)));
        break;
      case 'reveal':
        take = subjectOrder(r.subject);
        break;
    }
    if (take) out.push(r);
  }
  return out;
}

/** 说明.txt: what the pack holds and how a third party checks it, without VShip. */
export function packReadme(shop: string, madeAt: string, orders: readonly DeliveryRecordData[]): string {
  const lines = [
    '证据包说明',
    '==========',
    '',
    `店铺：${shop}`,
    `生成时间：${madeAt.replace('T', ' ').slice(0, 19)}（北京时间），由 VShip 虚拟发货助手 ${VERSION} 生成`,
    `订单：${orders.length} 个`,
    '',
    '一、包内文件',
    '  <订单号>/发货凭证-<订单号>.png、.pdf   该订单的发货凭证（同一内容的图片版和 PDF 版）',
    '  <订单号>/其他文件                       商家为该订单保存的截图、聊天记录等凭证原件',
    '  ledger.jsonl                            与这些订单有关的台账记录（每行一条，原样导出）',
    '  manifest.json                           每个文件的大小和 SHA-256、每张发货凭证的事实和校验码、台账链头',
    '',
    '二、核对文件没有被改动',
    '  manifest.json 的 files 列出了包内每个文件的 SHA-256。在电脑上计算文件的 SHA-256，与之比对：',
    '    Windows：  certutil -hashfile 文件名 SHA256',
    '    macOS / Linux：  shasum -a 256 文件名',
    '  两者一致，说明文件与生成证据包时完全相同。',
    '',
    '三、核对台账记录',
    '  ledger.jsonl 每行是一条台账记录：id、at（时间）、shop_id、event、subject、detail、prev_hash、hash。',
    '  每条记录的 hash = SHA-256( JSON.stringify([prev_hash, at, shop_id, event, subject, detail]) )，',
    '  即把这六个值按此顺序写成不含空格的 JSON 数组（detail 是原样的字符串，UTF-8 编码）后计算 SHA-256（十六进制小写）。',
    '  每条记录的 prev_hash 是台账中上一条记录的 hash，因此改动或删除任何一条旧记录都会使其后的链条对不上；',
    '  ledger.jsonl 只收录与这些订单有关的记录（节选）：编号不连续处是其他订单或其他操作的记录，',
    '  编号相连的两条可直接核对前后相接；整条台账的完整性由 VShip 的「数据校验」在商家电脑上核对。',
    '  manifest.json 的 ledger.head 是生成证据包时整条台账最新一条记录的编号和 hash。',
    '  event 为 delivery 的记录是发货记录：detail.deliveries 列出该发货文件中每个订单交付的卡密编号和身份摘要',
    '  （以及内容承诺 content、消息承诺 message，如有），从不包含卡密本身。',
    '',
    '四、发货凭证上的校验码',
    '  每张发货凭证右上角的校验码（XXXX-XXXX-XXXX）由凭证所列事实算出：',
    '  取 manifest.json 中该订单的 orders[].facts，写成键按字母顺序排列、不含空格的 JSON（UTF-8），',
    '  计算 SHA-256，把 32 字节摘要按 RFC 4648 Base32（字母 A–Z 和数字 2–7）编码，取前 12 个字符，每 4 个一组用“-”连接。',
    '  facts 中 ledger.hash 就是 ledger.jsonl 中对应编号那条发货记录的 hash；exportFile.sha256 是商家上传到平台的发货文件的 SHA-256。',
    '  任何一项事实被改动，算出的校验码就与凭证上的不同。',
    '',
    '五、本包中的订单',
    ...orders.map((o) => `  ${o.facts.orderNo}  校验码 ${o.code}  凭证文件 ${o.evidence.length} 个`),
    '',
  ];
  // CRLF and a byte-order mark: Windows Notepad, old and new, opens it as UTF-8.
  return `\uFEFF${lines.join('\r\n')}`;
}

const range = (req: ParsedReq<'evidence.pack'>): string => (req.orderNo ? req.orderNo : `${req.from!.replace(/-/g, '')}-${req.to!.replace(/-/g, '')}`);

/** `evidence.pack`: the ZIP of one order or of the orders exported on the days from..to (Beijing). */
export async function makePack(db: Db, dataDir: string, renderer: PageRenderer | undefined, req: ParsedReq<'evidence.pack'>): Promise<Res<'evidence.pack'>> {
  const shop = getShop(db, req.shopId);
  const mask = req.mask ?? 'masked';
  let orders;
  if (req.orderNo) orders = [deliveredOrder(db, req.shopId, req.orderNo)];
  else {
    const n = countDeliveredBetween(db, req.shopId, req.from!, req.to!);
    if (n === 0) throw new AppError('PACK_NOTHING', { detail: `${req.from} ~ ${req.to}` });
    if (n > PACK_MAX_ORDERS) throw new AppError('PACK_TOO_LARGE', { detail: `${req.from} ~ ${req.to}：${n} 个订单` });
    orders = deliveredOrdersBetween(db, req.shopId, req.from!, req.to!);
  }
  const madeAt = nowIso();
  const records = gatherRecords(db, dataDir, req.shopId, orders, mask, `pack:${range(req)}`, madeAt);

  // Every evidence file read back and checked first: a missing or altered one stops the pack, named.
  const files: PackFile[] = [];
  const perOrder: { orderNo: string; code: string; files: string[] }[] = [];
  let total = 0;
  const evidenceBytes = new Map<number, Uint8Array>();
  for (const r of records) {
    for (const e of r.evidence) {
      let bytes: Uint8Array;
      try {
        bytes = readEvidenceBytes(dataDir, e.sha256, e.mime as EvidenceMime);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, { ...err.where, detail: `订单 ${r.facts.orderNo} 的「${e.name}」` });
        throw err;
      }
      total += bytes.byteLength;
      if (total > PACK_MAX_BYTES) throw new AppError('PACK_TOO_LARGE', { detail: `凭证文件超过 ${PACK_MAX_BYTES / 1024 / 1024} MB` });
      evidenceBytes.set(e.id, bytes);
    }
  }

  if (!renderer) throw new AppError('RENDERER_UNAVAILABLE');
  for (const r of records) {
    const folder = safeName(r.facts.orderNo);
    const taken = new Set<string>();
    const paths: string[] = [];
    const html = recordHtml(r, VERSION);
    for (const format of ['png', 'pdf'] as const) {
      const bytes = await renderer.render(html, format);
      const path = `${folder}/${uniqueName(taken, recordFileName(r.facts.orderNo, format))}`;
      files.push({ path, bytes, store: true });
      paths.push(path);
      total += bytes.byteLength;
    }
    for (const e of r.evidence) {
      const bytes = evidenceBytes.get(e.id)!;
      const path = `${folder}/${uniqueName(taken, safeName(e.name))}`;
      files.push({ path, bytes, store: STORED_MIMES.has(e.mime) });
      paths.push(path);
    }
    perOrder.push({ orderNo: r.facts.orderNo, code: r.code, files: paths });
  }
  if (total > PACK_MAX_BYTES) throw new AppError('PACK_TOO_LARGE', { detail: `文件合计超过 ${PACK_MAX_BYTES / 1024 / 1024} MB` });

  const exportIds = new Set(db.prepare(`SELECT DISTINCT export_id FROM export_orders WHERE order_id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(records.map((r) => r.orderId))) as number[]);
  const evidenceIds = new Set(db.prepare('SELECT id FROM evidence WHERE order_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(records.map((r) => r.orderId))) as number[]);
  const entries = ledgerEntriesFor(db, req.shopId, new Set(records.map((r) => r.facts.orderNo)), exportIds, evidenceIds);
  const ledgerText = entries.map((e) => JSON.stringify({ id: e.id, at: e.at, shop_id: e.shop_id, event: e.event, subject: e.subject, detail: e.detail, prev_hash: e.prev_hash, hash: e.hash })).join('\n') + (entries.length ? '\n' : '');
  const last = db.prepare('SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const anchored = readLedgerHead(db);

  const enc = new TextEncoder();
  const ledgerBytes = enc.encode(ledgerText);
  const readmeBytes = enc.encode(packReadme(shop.name, madeAt, records));
  const listed = [{ path: README_FILE, bytes: readmeBytes }, { path: LEDGER_FILE, bytes: ledgerBytes }, ...files];
  const manifest = {
    format: 'vship-evidence-pack',
    formatVersion: 1,
    vship: VERSION,
    madeAt,
    shop: { id: shop.id, name: shop.name },
    ...(req.orderNo ? { orderNo: req.orderNo } : { from: req.from, to: req.to }),
    mask,
    orders: records.map((r, i) => ({ orderNo: r.facts.orderNo, code: r.code, files: perOrder[i].files, facts: r.facts })),
    files: listed.map((f) => ({ path: f.path, bytes: f.bytes.byteLength, sha256: sha256Hex(f.bytes) })),
    ledger: {
      file: LEDGER_FILE,
      entries: entries.length,
      hash: 'sha256(JSON.stringify([prev_hash, at, shop_id, event, subject, detail]))',
      head: last ? { id: last.id, hash: last.hash } : null,
      anchoredHead: anchored && anchored.hash !== 'damaged' ? anchored : null,
    },
  };

  // Fixed order: the explanation first, then the manifest and the ledger, then each order's folder.
  // Made on "Unix" with mode 0644: Info-ZIP's unzip then trusts the UTF-8 flag fflate sets on the
  // Chinese names (for "MS-DOS" entries it reads them as code page 437); Windows reads the flag either way.
  const attrs = { mtime: new Date(nowMs()), os: 3, attrs: (0o100644 << 16) >>> 0 };
  const zippable: Zippable = {};
  zippable[README_FILE] = [readmeBytes, { level: 6, ...attrs }];
  zippable[MANIFEST_FILE] = [enc.encode(JSON.stringify(manifest, null, 2)), { level: 6, ...attrs }];
  zippable[LEDGER_FILE] = [ledgerBytes, { level: 6, ...attrs }];
  for (const f of files) zippable[f.path] = [f.bytes, { level: f.store ? 0 : 6, ...attrs }];
  const bytes = zipSync(zippable);
  return { name: `证据包-${safeName(shop.name)}-${range(req)}.zip`, bytes, orders: records.length, files: listed.length + 1 };
}

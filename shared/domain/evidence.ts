/**
 * Delivery evidence (发货凭证 / 截图): files kept for disputes, the verification of everything VShip
 * keeps (ledger, stored files, delivered content), delivery records and evidence packs.
 */

/** What a piece of evidence shows, as the merchant files it. */
export const EVIDENCE_KINDS = ['official', 'chat', 'supplier', 'delivery', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_WORDS: Readonly<Record<EvidenceKind, string>> = {
  official: '官网截图',
  chat: '聊天记录',
  supplier: '供应商凭证',
  delivery: '发货凭证',
  other: '其他',
};

/** The types evidence may have, decided by the file's bytes (never its name). */
export const EVIDENCE_MIMES = ['image/png', 'image/jpeg', 'image/webp', 'image/bmp', 'image/gif', 'application/pdf'] as const;
export type EvidenceMime = (typeof EVIDENCE_MIMES)[number];
/** A file larger than this is refused (EVIDENCE_TOO_LARGE). */
export const EVIDENCE_MAX_BYTES = 30 * 1024 * 1024;
/** Files per evidence.add / evidence.import request (the UI and the CLI send a folder in batches). */
export const EVIDENCE_FILES_PER_REQUEST = 50;

/** How the file reached VShip. */
export const EVIDENCE_SOURCES = ['drop', 'paste', 'folder', 'cli'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** Where `capturedAt` came from: the image's EXIF, a PNG's own metadata (tIME / tEXt), or the file's time on disk. */
export type CapturedFrom = 'exif' | 'png' | 'file';

/** One piece of evidence on one order. The same file on two orders is two items over one stored file. */
export interface EvidenceItem {
  id: number;
  orderId: number;
  orderNo: string;
  /** The file's name as it was added. */
  name: string;
  bytes: number;
  mime: EvidenceMime;
  sha256: string;
  kind: EvidenceKind;
  note: string;
  source: EvidenceSource;
  /** Beijing time, ISO with +08:00. */
  addedAt: string;
  capturedAt: string | null;
  capturedFrom: CapturedFrom | null;
  hidden: boolean;
  hiddenAt: string | null;
  hiddenReason: string | null;
}

/** A file that was not taken, with the reason (an ErrorCode and its Chinese words). */
export interface EvidenceRefusal {
  name: string;
  code: 'EVIDENCE_NOT_ALLOWED' | 'EVIDENCE_TOO_LARGE' | 'EVIDENCE_EMPTY';
  message: string;
}

/** What evidence.add did with each file. */
export interface EvidenceAddResult {
  /** New on this order (`stored`: the bytes were new to the archive; false: an already stored file, linked). */
  added: (EvidenceItem & { stored: boolean })[];
  /** The same file was already on this order (hidden ones are shown again). */
  already: EvidenceItem[];
  refused: EvidenceRefusal[];
}

/** Why a file of a folder found no order. */
export type EvidenceUnmatchedReason = 'NO_ORDER' | 'AMBIGUOUS';

/** What evidence.import did with each file of a folder. */
export interface EvidenceImportResult {
  /** Matched and added (or already there). */
  matched: { name: string; orderNo: string; by: 'orderNo' | 'rechargeNo' | 'metadata'; item: EvidenceItem; stored: boolean; already: boolean }[];
  /** For the merchant to assign: nothing named an order, or two orders were named (`candidates`). */
  unmatched: { name: string; reason: EvidenceUnmatchedReason; candidates: string[] }[];
  refused: EvidenceRefusal[];
}

/** An order found by evidence.search, with what it holds. */
export interface EvidenceOrderHit {
  orderId: number;
  orderNo: string;
  productName: string;
  spec: string;
  rechargeNo: string;
  paidAt: string | null;
  exportedAt: string | null;
  shipState: string | null;
  evidence: number;
  /** What the query matched: the order number, the recharge (phone) number, a delivered card/code (by identity hash), a supplier's order number, or only the dates. */
  matchedBy: 'orderNo' | 'rechargeNo' | 'item' | 'rechargeRef' | 'date';
}

/** One thing `verify` found wrong. `code` for programs; `message` in Chinese, naming exactly what. */
export interface VerifyProblem {
  code:
    | 'LEDGER_ALTERED' | 'LEDGER_DELETED' | 'LEDGER_FORGED' | 'LEDGER_HEAD_MISSING'
    | 'EVIDENCE_FILE_ALTERED' | 'EVIDENCE_FILE_MISSING' | 'EVIDENCE_FILE_UNKNOWN'
    | 'EXPORT_FILE_ALTERED' | 'EXPORT_FILE_MISSING'
    | 'ITEM_CONTENT_DIFFERS' | 'STOCK_CONTENT_DIFFERS' | 'ALLOCATION_MOVED' | 'DELIVERY_RECORD_MISSING' | 'EVIDENCE_UNRECORDED';
  /** What it concerns, for programs: `ledger:812`, `evidence:<sha256>`, `order:<no>`, `item:<id>`. */
  subject: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Beijing time of the run. */
  at: string;
  /** What was checked: ledger entries, stored evidence files, export files, delivery records (one per delivered order), the items they name, and every stock item. */
  checked: { ledgerEntries: number; evidenceFiles: number; exportFiles: number; deliveries: number; items: number; stockItems: number };
  /** The ledger's head (id and hash) as verified. */
  head: { id: number; hash: string } | null;
  problems: VerifyProblem[];
  /** More problems than listed (the list stops at 1,000). */
  moreProblems: number;
}

/** How a delivery record or a pack shows the delivered items. */
export type RecordMask = 'masked' | 'full';

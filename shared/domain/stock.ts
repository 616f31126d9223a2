/** Stock: batches and items of deliverable secrets, and why a line is rejected. Names follow the glossary (../docs/STYLE.md). */
import type { StockLevels } from './products';

export type { StockSelection } from '../contract/stock';

export interface StockBatch {
  id: number;
  productId: number;
  source: string;
  sep: string | null;
  added: number;
  duplicates: number;
  expiresAt: string | null;
  createdAt: string;
  levels: StockLevels;
}

export type ItemState = 'available' | 'reserved' | 'delivered' | 'expired' | 'voided';

export interface StockItem {
  id: number;
  batchId: number;
  productId: number;
  kind: 'card' | 'code' | 'account';
  /** Masked for display, e.g. 8831****4410. */
  masked: string;
  expiresAt: string | null;
  state: ItemState;
  lineNo: number;
  createdAt: string;
}

export interface StockImportResult {
  batchId: number | null;
  added: number;
  sep: string | null;
  duplicates: StockDuplicate[];
  rejected: StockRejectedLine[];
}

/**
 * A line not imported because the item is already known: where it was seen first. Within the
 * file, the line it first appeared on; against the shop's history, the batch it came in with and
 * what became of it (delivered: the order and when). Never the secret itself, only its masked form.
 */
export interface StockDuplicate {
  line: number;
  where: 'file' | 'history';
  masked: string;
  /** 'file': the line of the file that held the item first. */
  firstLine?: number;
  /** 'history': the batch the stored item came in with, and when that batch was imported (Beijing ISO). */
  batchId?: number;
  importedAt?: string;
  /** 'history': the stored item's state now (an available item past its expiry reads 'expired'). */
  state?: ItemState;
  /** 'history': the product the stored item belongs to, when it is another product than this import's. */
  otherProduct?: { skuKey: string; title: string };
  /** 'history', reserved or delivered: the order it is bound to (its latest allocation), and when it was delivered (exported). */
  orderNo?: string;
  deliveredAt?: string;
}

/** Why a stock line cannot be read: a code for programs and the UI's catalogue, a Chinese reason for people. */
export const STOCK_REJECT_REASONS = {
  LINE_TOO_LONG: '超过 {max} 个字符',
  BAD_EXPIRY: '有效期「{value}」无法识别',
  MISSING_CARD_NO: '缺少卡号',
  MISSING_PASSWORD: '缺少密码',
  MISSING_CODE: '缺少激活码',
  MISSING_LOGIN: '缺少账号',
  SECRET_TOO_LONG: '超过 {max} 个字符，不像是卡密或激活码',
  SPACE_INSIDE: '中间有空格，可能是两项挤在一行',
  CONTROL_CHARS: '含有控制字符或不可见字符',
  ODD_CHARS: '含有显示不出或无法识别的字符（如 �）',
  DIGITS_LOST: '数字已被 Excel 改动（只保留 15 位有效数字），请把该列设为文本后重新导出',
  BAD_DATE: '日期「{value}」不存在',
  ORDER_ROW: '这是订单导出的一行',
  SEPARATOR_INSIDE: '含有分隔符「{sep}」，像是卡号+密码，不是一个激活码',
} as const;

export type StockRejectCode = keyof typeof STOCK_REJECT_REASONS;

export interface StockRejectedLine {
  line: number;
  code: StockRejectCode;
  /** The code's text with its parameters filled in (Chinese). */
  reason: string;
  /** The code's parameters ({max}, {value}). */
  params?: Record<string, string | number>;
}

/** The source a batch records when it came from no file: pasted text, or items typed into an order. */
export const BATCH_SOURCES = { pasted: '粘贴', manual: '手工录入' } as const;

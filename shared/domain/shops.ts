/** Shops, settings and what the app reports about itself. Names follow the glossary (../docs/STYLE.md). */
import type { ShopType } from './rules';

export interface Shop {
  id: number;
  name: string;
  /** 个人 / 企业: travel goods are for enterprise shops only (seed §5(1)). */
  type: ShopType;
  createdAt: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'cli';
  dataDir: string;
  schemaVersion: number;
  /** The data folder cannot be written: the UI shows everything and says that changes are not possible. */
  readOnly: boolean;
}

export interface Settings {
  /** Ship promise in hours when the export has no 承诺发货时间. */
  shipPromiseHours: number;
  currentShopId: number;
  /** Hours an account rests after a rental ends before it can be rented again. */
  accountCooldownHours: number;
  /** Rows of a shipment file before it is split into parts (the backend's limit is unverified). */
  exportMaxRows: number;
  /** Hours after an export when an order still 待发货 in a later export needs attention. */
  attentionHours: number;
}

/** What `shops.checkDb` (`vship check-db`) can find, each with its parameters. */
export const DB_PROBLEMS = {
  INTEGRITY: '数据库文件结构损坏：{detail}',
  FOREIGN_KEY: '表 {table} 的第 {rowid} 行引用了 {parent} 中不存在的记录',
  ITEM_AVAILABLE_HELD: '库存条目 {itemId}（{skuKey}）标为可用，但已填入订单 {orderNo}',
  ITEM_RESERVED_FREE: '库存条目 {itemId}（{skuKey}）标为已占用，但没有订单使用它',
} as const;
export type DbProblemCode = keyof typeof DB_PROBLEMS;

export interface DbProblem {
  code: DbProblemCode;
  params: Record<string, string | number>;
  /** The problem in Chinese (the core's words). */
  message: string;
}

export interface DbCheckResult {
  /** No problem found. */
  ok: boolean;
  /** Which SQLite check read the file: the full one, or the quicker one without index checks. */
  check: 'integrity_check' | 'quick_check';
  problems: DbProblem[];
  /** Problems found beyond the ones listed (the list stops at a thousand). */
  more: number;
}

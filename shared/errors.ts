/**
 * Error codes that cross the bridge. Programs switch on `code`; people read `message` (Chinese).
 * `file`, `row` (1-based, as the merchant sees it in Excel) and `column` (header name) say where.
 */
export const ERROR_CODES = {
  NOT_SPREADSHEET: '文件不是表格：无法按 CSV 或 Excel 读取',
  EMPTY_FILE: '文件是空的',
  HEADER_ONLY: '文件只有表头，没有订单',
  NO_ORDER_NO_COLUMN: '找不到“订单号”列，请确认导出时勾选了订单号',
  XLSX_ENCRYPTED: '这个 Excel 文件设置了密码，请在 Excel 中取消密码后重新保存',
  XLSX_CORRUPT: 'Excel 文件已损坏，无法读取',
  XLS_LEGACY: '这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 或 .csv 后再导入',
  ZIP_NO_SHEET: '压缩包里没有 .csv 或 .xlsx 表格',
  ZIP_MANY_SHEETS: '压缩包里有多个表格，请每次只放一个，或解压后分别导入',
  ZIP_CORRUPT: '压缩包已损坏，无法解压',
  CSV_MALFORMED: 'CSV 格式错误：引号不成对，文件可能被截断或手工改坏',
  ROW_TOO_LONG: '这一行的单元格比表头多，文件可能被截断或错位',
  UNSUPPORTED_FILE: '不支持的文件类型，请导入 .csv、.xlsx 或 .zip',
  STOCK_EMPTY: '文件里没有任何卡密或账号',
  STOCK_NOT_TEXT: '这不是文本或表格文件，无法读取卡密',
  STOCK_REJECTED: '有无法识别的行，本次没有导入任何卡密',
  PRODUCT_NOT_FOUND: '找不到该商品（商家编码/规格）',
  PRODUCT_KIND_NEEDED: '请先设置该商品的发货方式（卡密、激活码或账号）',
  PRODUCT_NOT_STOCKED: '该商品的发货方式不使用库存',
  ITEM_NOT_FOUND: '找不到该库存条目',
  ITEM_LOCKED: '已发货的条目不能移动、作废或重新导入',
  ORDER_NOT_FOUND: '找不到该订单',
  ORDER_NOT_SHIPPABLE: '该订单当前不可发货',
  ORDER_ALREADY_FILLED: '该订单已经填好了内容，如需更换请先撤回',
  ASSIGN_COUNT: '填入的数量与订单需要的数量不一致',
  ASSIGN_DUPLICATE: '这个卡密/账号已被使用或重复填入',
  ASSIGN_BAD_ITEM: '填入的内容无法识别',
  ASSIGN_MULTI_PRODUCT: '该订单包含多个商品，请用自动填充',
  FILL_EXPORTED: '上一次填充中已有订单导出，无法整体撤销；请逐单撤回',
  SHOP_NOT_FOUND: '找不到该店铺',
  SHOP_EXISTS: '已有同名店铺',
  INVALID_REQUEST: '请求参数不正确',
  DB_TOO_NEW: '数据文件来自更新版本的 VShip，请升级后再打开',
  UNAUTHORIZED: '访问被拒绝：缺少或错误的令牌',
  UNKNOWN_CHANNEL: '未知的接口',
  INTERNAL: '内部错误',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  file?: string;
  row?: number;
  column?: string;
  /** What exactly was wrong (a value, an option name): the parameter the UI's catalogue text adds. */
  detail?: string;
}

/** Thrown inside the core; turned into `{ ok: false, error }` at the bridge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  readonly detail?: string;
  constructor(code: ErrorCode, where: { file?: string; row?: number; column?: string; detail?: string } = {}) {
    super(formatErrorMessage(code, where));
    this.name = 'AppError';
    this.code = code;
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
    this.detail = where.detail;
  }
  /** The error again, as it crossed a thread or process boundary (its message kept as sent). */
  static fromData(d: AppErrorData): AppError {
    return Object.assign(new AppError(d.code, d), { message: d.message });
  }
  toData(): AppErrorData {
    const d: AppErrorData = { code: this.code, message: this.message };
    if (this.file !== undefined) d.file = this.file;
    if (this.row !== undefined) d.row = this.row;
    if (this.column !== undefined) d.column = this.column;
    if (this.detail !== undefined) d.detail = this.detail;
    return d;
  }
}

/** 「文件 a.csv 第 12 行「订单号」列：…」 — the place first, then what is wrong. */
export function formatErrorMessage(
  code: ErrorCode,
  where: { file?: string; row?: number; column?: string; detail?: string } = {},
): string {
  const parts: string[] = [];
  if (where.file) parts.push(`文件「${where.file}」`);
  if (where.row !== undefined) parts.push(`第 ${where.row} 行`);
  if (where.column) parts.push(`「${where.column}」列`);
  const place = parts.length ? parts.join(' ') + '：' : '';
  return place + ERROR_CODES[code] + (where.detail ? `（${where.detail}）` : '');
}

export function isAppErrorData(x: unknown): x is AppErrorData {
  return typeof x === 'object' && x !== null && typeof (x as AppErrorData).code === 'string' && typeof (x as AppErrorData).message === 'string';
}

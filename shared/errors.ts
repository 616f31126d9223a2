import { SKIP_REASONS } from './domain/allocation';
import { STOCK_REJECT_REASONS } from './domain/stock';

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
  ROW_TOO_SHORT: '这一行的单元格比表头少，文件可能被截断或错位',
  FILE_TRUNCATED: '文件不完整，可能下载中断，请重新下载或重新导出',
  ZIP_CHECKSUM: '压缩包内的文件与记录的校验值或大小不符，文件已损坏，请重新下载',
  DUPLICATE_COLUMN: '表头中有两列同名，无法确定以哪一列为准，请删除多余的一列后再导入',
  MIXED_ENCODING: '文件中混有两种文字编码（UTF-8 和 GBK），可能是两个文件拼接而成，请分别导出后再导入',
  CELL_TOO_LONG: '单元格内容过长，超出上限，文件可能已损坏',
  TOO_MANY_COLUMNS: '列数过多，超出上限，文件可能已损坏',
  UNPACKED_TOO_LARGE: '解压后的内容过大，文件可能已损坏或是恶意压缩包，本次没有导入',
  TOO_MANY_STRINGS: 'Excel 文件中的文本条目过多，超出上限，文件可能已损坏',
  FILE_TOO_LARGE: '文件太大，超出 VShip 一次可导入的上限，请分批导出',
  HOST_BUSY: '正在处理其他上传，请稍候再试',
  BAD_URL: '请求地址无效',
  STOCK_IS_ORDER_EXPORT: '这是订单导出文件，请在「订单」页导入',
  STOCK_SHAPE_MISMATCH: '这些行的格式与商品的发货方式不符，本次没有导入任何卡密',
  DISK_FULL: '磁盘空间不足，无法保存。请清理磁盘空间后重试',
  DB_BUSY: '数据文件正被另一个 VShip 使用，请关闭其他 VShip 窗口或命令行后重试',
  DB_CORRUPT: '数据文件已损坏，请从备份恢复',
  DATA_READ_ONLY: '数据文件夹是只读的：可以查看，但不能修改。请检查文件夹权限，或选择其他数据文件夹',
  FILE_NOT_FOUND: '找不到该文件或文件夹，请确认路径是否正确',
  FILE_ACCESS_DENIED: '没有权限读写该文件或文件夹，请检查权限，或关闭正在使用它的程序',
  FS_ERROR: '读写文件失败，请确认文件未被其他程序占用后重试',
  RULE_PARAM_INVALID: '规则参数不正确，请检查取值范围',
  OVERRIDE_NOT_ALLOWED: '这条规则的拦截不能手动放行，请按提示处理',
  OVERRIDE_NOT_FOUND: '找不到这条放行记录，可能已撤回',
  REGION_UNKNOWN: '无法识别的地区：限定地区请填写省份（如 江苏、广东、内蒙古）',
  TEMPLATE_DIVERSION: '发货消息模板疑似导流，未保存：请删去标出的文字',
  TEMPLATE_NO_ORDER_COLUMN: '模板中找不到“订单号”列：请使用后台 批量发货 → 无物流单条导入 页面下载的模板',
  TEMPLATE_NOT_SPREADSHEET: '模板不是表格文件：请提供后台下载的 .xlsx、.xls 或 .csv 模板',
  TEMPLATE_COLUMN_INVALID: '模板列设置不正确：列号超出模板的表头，或同一列设置了两次',
  EXPORT_NOTHING_READY: '没有可以导出的订单：请先填入卡密或标记已充值，并处理规则拦截',
  EXPORT_NOT_REEXPORTABLE: '该订单不能重新导出：只能重新导出已导出、仍待发货且没有规则拦截的订单',
  EXPORT_FILE_NOT_FOUND: '找不到该导出文件，可能数据文件夹中的文件已被删除',
  EXPORT_FILE_ALTERED: '数据文件夹中的导出文件已被改动（校验值不符），不能再次保存',
  RESULT_NO_ORDER_COLUMN: '上传结果文件中找不到“订单号”列',
  SUPPLIER_NO_ORDER_COLUMN: '供应商结果文件中找不到“订单号”列：请保留订单号列（可另有“供应商单号”“状态”列）',
  SUPPLIER_NO_ROWS: '供应商结果文件中没有任何订单',
  SUPPLIER_ORDER_NO_NUMBER: '订单号被 Excel 改成了数字，后几位已丢失，无法对应订单：请把订单号列设为“文本”后重新导出，本次没有标记任何订单',
  SUPPLIER_BAD_ORDER_NO: '这不是拼多多订单号（应为 6 位日期-15 位数字），本次没有标记任何订单',
  RESULT_NO_STATUS_COLUMN: '上传结果文件中找不到结果、失败原因或状态列，无法判断哪些订单失败',
  EVIDENCE_NOT_ALLOWED: '只能添加图片（PNG、JPEG、WebP、BMP、GIF）或 PDF 文件：按文件内容判断，改扩展名无效',
  EVIDENCE_TOO_LARGE: '文件超过 30 MB，不能作为凭证保存：请压缩或截取需要的部分',
  EVIDENCE_EMPTY: '文件是空的（0 字节），没有保存',
  EVIDENCE_NOT_FOUND: '找不到该凭证',
  EVIDENCE_FILE_MISSING: '数据文件夹中找不到这个凭证文件，可能已被删除：请运行「数据校验」',
  EVIDENCE_FILE_ALTERED: '数据文件夹中的凭证文件已被改动（校验值不符），不能再显示或打包：请运行「数据校验」',
  ITEM_ALTERED: '这件卡密/账号在数据文件中的内容与导入时记录的不一致，已停止使用：请运行「数据校验」',
  ORDER_NOT_DELIVERED: '该订单还没有导出发货，没有发货记录可以生成',
  PACK_NOTHING: '这段时间内没有已发货的订单，证据包为空，未生成',
  RENDERER_UNAVAILABLE: '找不到可用于生成凭证图片的浏览器：请安装 Microsoft Edge 或 Google Chrome（Linux：chromium）',
  PACK_TOO_LARGE: '证据包太大：一个证据包最多 200 个订单、文件合计 500 MB，请缩短日期范围分几次打包',
  INTERNAL: '内部错误',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where a fresh order export comes from: the PDD seller centre's order list. */
const REDOWNLOAD = '请在商家后台「订单查询 → 批量导出」重新下载';

/**
 * What the merchant does next when an order import stops, by the error's code: every code an
 * order import can end with (its readers and the browser-mode host) has one, said after the
 * error's text. Most damage is cured by a fresh download from the seller centre.
 */
export const ORDER_IMPORT_ADVICE = {
  NOT_SPREADSHEET: REDOWNLOAD,
  EMPTY_FILE: REDOWNLOAD,
  HEADER_ONLY: '请在商家后台「订单查询」中确认所选时间和状态下有订单，再「批量导出」',
  NO_ORDER_NO_COLUMN: '请在商家后台「订单查询 → 批量导出」时勾选“订单号”后重新下载',
  XLSX_ENCRYPTED: '保存后重新导入，或在商家后台「订单查询 → 批量导出」重新下载',
  XLSX_CORRUPT: REDOWNLOAD,
  XLS_LEGACY: '也可以在商家后台「订单查询 → 批量导出」重新下载 .xlsx 或 .csv 文件',
  ZIP_NO_SHEET: '请确认选对了压缩包，或在商家后台「订单查询 → 批量导出」重新下载',
  ZIP_MANY_SHEETS: '解压后可以把这些表格一起拖入窗口，一次导入',
  ZIP_CORRUPT: REDOWNLOAD,
  ZIP_CHECKSUM: REDOWNLOAD,
  CSV_MALFORMED: '请勿手工修改导出文件：' + REDOWNLOAD,
  ROW_TOO_LONG: '请勿手工修改导出文件：' + REDOWNLOAD,
  ROW_TOO_SHORT: '请勿手工修改导出文件：' + REDOWNLOAD,
  FILE_TRUNCATED: REDOWNLOAD,
  DUPLICATE_COLUMN: '也可以在商家后台「订单查询 → 批量导出」重新下载未改动的文件',
  MIXED_ENCODING: '在商家后台「订单查询 → 批量导出」重新下载，每次导出的文件单独导入',
  CELL_TOO_LONG: REDOWNLOAD,
  TOO_MANY_COLUMNS: REDOWNLOAD,
  UNPACKED_TOO_LARGE: REDOWNLOAD,
  TOO_MANY_STRINGS: REDOWNLOAD,
  FILE_TOO_LARGE: '请在商家后台「订单查询」中缩短时间范围，分几次「批量导出」',
  UNSUPPORTED_FILE: '请导入商家后台「订单查询 → 批量导出」下载的文件',
  HOST_BUSY: '请等当前的导入完成后再拖入文件',
} as const satisfies Partial<Record<keyof typeof ERROR_CODES, string>>;
export type OrderImportErrorCode = keyof typeof ORDER_IMPORT_ADVICE;

/**
 * Sentences the core adds to an error (after its code's text, in brackets), each a key with
 * parameters so the UI can say it in its own language (`errors.note.<KEY>`). A parameter named
 * `rejectCode` or `skipCode` names a stock-reject or fill-skip code, said as `{reject}` / `{skip}`.
 */
export const ERROR_NOTES = {
  TOO_MANY_CELLS: '表头 {header} 列，此行 {cells} 列',
  COUNT_MISMATCH: '需要 {need} 个，提供了 {given} 个',
  ITEM_REJECTED: '第 {n} 个：{reject}',
  ITEM_IN_OTHER_PRODUCT: '{item} 已在库存中（属于其他商品）',
  ITEM_USED: '{item} 已在库存中（已被使用）',
  ACCOUNT_BUSY: '{item} 正在出租中，{until} 后才能再次出租',
  ITEM_KIND_MISMATCH: '目标商品的发货方式与条目 {id} 不一致',
  PRODUCT_SKIPPED: '{skip}',
  BAD_EXPIRY: '有效期「{value}」无法识别',
  ZIP_HOLDS_XLS: '压缩包内是 .xls',
  XLSX_PART_MISSING: '缺少 {part}',
  XLSX_BAD_SHARED_STRING: '共享字符串索引越界',
  TOO_FEW_CELLS: '表头 {header} 列，此行 {cells} 列',
  DUPLICATE_HEADER: '「{column}」出现在第 {first} 列和第 {second} 列',
  MIXED_ROWS: '第 {first} 至 {last} 行的文字无法确认编码',
  CELL_LIMIT: '{length} 个字符，上限 {max}',
  COLUMN_LIMIT: '{count} 列，上限 {max}',
  UNPACKED_LIMIT: '「{entry}」解压后超过 {limit}',
  STRINGS_LIMIT: '超过 {max} 条',
  SIZE_LIMIT: '上限 {limit}',
  ZIP_ENTRY: '「{entry}」',
  XLSX_BAD_CELL_REF: '单元格地址「{ref}」无效',
  XLSX_BAD_ROW_REF: '行号「{ref}」无效',
  LOOKS_LIKE_CARD: '这些行看起来是 卡号+密码，要把发货方式改为卡密吗？',
  LOOKS_LIKE_CODE: '这些行看起来是 单个激活码（没有分隔符），要把发货方式改为激活码吗？',
  LOOKS_LIKE_ACCOUNT: '这些行看起来是 账号+密码，要把发货方式改为账号吗？',
  SHAPE_LINES: '例如第 {lines} 行',
  ORDER_HEADER: '表头含有 {columns}',
  ORDER_ROWS: '第 {lines} 行含有订单号和订单信息',
} as const;
export type ErrorNoteKey = keyof typeof ERROR_NOTES;
export type ErrorParams = Record<string, string | number>;
export interface ErrorNote { key: ErrorNoteKey; params?: ErrorParams }

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  file?: string;
  row?: number;
  /** The column's header name, as the file has it. */
  column?: string;
  /** The column's number (1-based) where it has no header name (a cell beyond the header). */
  columnNo?: number;
  /** What exactly was wrong, as a value (an order number, an option name, a library's words). */
  detail?: string;
  /** What exactly was wrong, as sentences the UI translates by key. */
  notes?: ErrorNote[];
}

export type ErrorWhere = Omit<AppErrorData, 'code' | 'message'>;

/** Thrown inside the core; turned into `{ ok: false, error }` at the bridge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorWhere;
  constructor(code: ErrorCode, where: ErrorWhere = {}) {
    super(formatErrorMessage(code, where));
    this.name = 'AppError';
    this.code = code;
    this.where = where;
  }
  get file(): string | undefined { return this.where.file; }
  get row(): number | undefined { return this.where.row; }
  get column(): string | undefined { return this.where.column; }
  get detail(): string | undefined { return this.where.detail; }
  /** The error again, as it crossed a thread or process boundary (its message kept as sent). */
  static fromData(d: AppErrorData): AppError {
    const { code, message, ...where } = d;
    return Object.assign(new AppError(code, where), { message });
  }
  toData(): AppErrorData {
    const d: AppErrorData = { code: this.code, message: this.message };
    for (const k of ['file', 'row', 'column', 'columnNo', 'detail', 'notes'] as const) {
      if (this.where[k] !== undefined) (d as unknown as Record<string, unknown>)[k] = this.where[k];
    }
    return d;
  }
}

/** `{name}` → the parameter's value; an unknown name stays as written. */
export function fillParams(template: string, params: ErrorParams | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (params && k in params ? String(params[k]) : whole));
}

/** A note in Chinese (the core's words). */
export function formatNote(n: ErrorNote): string {
  const p: ErrorParams = { ...n.params };
  const reject = p.rejectCode as keyof typeof STOCK_REJECT_REASONS | undefined;
  const skip = p.skipCode as keyof typeof SKIP_REASONS | undefined;
  if (reject && reject in STOCK_REJECT_REASONS) p.reject = fillParams(STOCK_REJECT_REASONS[reject], p);
  if (skip && skip in SKIP_REASONS) p.skip = SKIP_REASONS[skip];
  return fillParams(ERROR_NOTES[n.key], p);
}

/** 「文件 a.csv 第 12 行「订单号」列：…（detail）」 — the place first, then what is wrong. */
export function formatErrorMessage(code: ErrorCode, where: ErrorWhere = {}): string {
  const parts: string[] = [];
  if (where.file) parts.push(`文件「${where.file}」`);
  if (where.row !== undefined) parts.push(`第 ${where.row} 行`);
  if (where.column) parts.push(`「${where.column}」列`);
  else if (where.columnNo !== undefined) parts.push(`第 ${where.columnNo} 列`);
  const place = parts.length ? parts.join(' ') + '：' : '';
  const detail = where.notes?.length ? where.notes.map(formatNote).join('；') : where.detail;
  return place + ERROR_CODES[code] + (detail ? `（${detail}）` : '');
}

export function isAppErrorData(x: unknown): x is AppErrorData {
  return typeof x === 'object' && x !== null && typeof (x as AppErrorData).code === 'string' && typeof (x as AppErrorData).message === 'string';
}

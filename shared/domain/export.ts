/**
 * The shipment file (导入文件) for 批量发货 → 无物流单条导入, the exports made, and what the next
 * order export says really shipped. Names follow the glossary (../docs/STYLE.md).
 */
import type { RuleId } from './rules';

/**
 * Where an order stands on the way out. `ready`: filled (or recharged), no active block, not
 * exported; `exported`: in a shipment file, not yet seen shipped; `uploadFailed`: the backend's
 * result file said it failed (it is ready again, items kept); `shipped`: a later order export
 * shows it 已发货; `attention`: exported, but still 待发货 in an export taken well after (items kept).
 */
export const SHIP_STATES = ['ready', 'exported', 'uploadFailed', 'shipped', 'attention'] as const;
export type ShipState = (typeof SHIP_STATES)[number];

/** Why an exported order needs attention (the core's words; the UI says them as `export.note.<CODE>`). */
export const SHIP_NOTES = {
  STILL_WAITING: '导出 {hours} 小时后，新导出的订单表中仍为“待发货”：请确认是否已在后台上传发货文件',
  CLOSED_AFTER_EXPORT: '导出后订单已退款或关闭：已发出的内容已隔离，不会回到库存',
} as const;
export type ShipNoteCode = keyof typeof SHIP_NOTES;

/** What a column of the shipment file is filled with. */
export const COLUMN_ROLES = ['orderNo', 'cardNo', 'password', 'code', 'login', 'accountPassword', 'rechargeNo', 'shipMethod', 'waybill', 'fixed', 'empty'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
/** What a column holds, in the core's words (the CLI and the exceptions file; the UI says them from its catalogue). */
export const COLUMN_ROLE_WORDS: Record<ColumnRole, string> = {
  orderNo: '订单号', cardNo: '卡号', password: '卡密', code: '激活码', login: '账号', accountPassword: '账号密码',
  rechargeNo: '充值号码', shipMethod: '发货方式', waybill: '运单号（留空）', fixed: '固定值', empty: '留空',
};

export interface TemplateColumn {
  /** 0-based position in the header row. */
  index: number;
  header: string;
  role: ColumnRole;
  /** `fixed`: the text written in every row; `shipMethod`: the method's text (默认 无物流 or the example row's). */
  value?: string;
}

/**
 * How VShip fills the merchant's template: read from the file the backend gave, remembered per shop.
 * `builtIn`: no template given; the default layout (未核实).
 */
export interface TemplateProfile {
  builtIn: boolean;
  /** The template's file name as given ('' for the built-in layout). */
  name: string;
  /** The template's format; an .xls template is filled as .xlsx (same sheet and headers). */
  format: 'xlsx' | 'xls' | 'csv';
  sha256: string;
  sheet: string;
  /** 1-based row of the header in the sheet. */
  headerRow: number;
  columns: TemplateColumn[];
  /** The template's own example row (the row under the header), as text; [] when it has none. */
  example: string[];
  /** Other sheets of the template, kept as they are. */
  otherSheets: string[];
  /** Several items of one order: one row each (order number repeated), or one row with the items joined by a line break. */
  multiItem: 'rows' | 'join';
  setAt: string | null;
}

/** Why a waiting (待发货) order is not in the file. */
export const LEFT_OUT_REASONS = {
  NOT_FILLED: '还没有填入卡密/账号，也没有标记已充值',
  RULE_BLOCKED: '平台规则拦截',
  MESSAGE_DIVERSION: '发货消息疑似导流',
  NO_COLUMN: '模板中没有放这类内容的列',
  EXPORTED: '已导出过（如需重新导出，请单独选择并说明原因）',
  NOT_CHOSEN: '不在本次选择的范围内',
} as const;
export type LeftOutCode = keyof typeof LEFT_OUT_REASONS;

/** How to bring a left-out order into the next file (the exceptions file's 处理方法). */
export const LEFT_OUT_FIXES: Record<LeftOutCode, string> = {
  NOT_FILLED: '在「订单」页点“自动填充”或手工填入；直充商品充值后标记“已充值”',
  RULE_BLOCKED: '按规则检查的提示修改商品或订单，或在核实后手动放行',
  MESSAGE_DIVERSION: '修改商品的发货消息模板，删去疑似导流的文字',
  NO_COLUMN: '换用后台最新下载的模板，或在模板设置中为这类内容指定一列',
  EXPORTED: '如确需重新发货，请选中该订单，选择“重新导出”并填写原因',
  NOT_CHOSEN: '调整导出范围（商品、所选订单、发货时限）',
};

export interface LeftOutOrder {
  orderNo: string;
  productName: string;
  spec: string;
  code: LeftOutCode;
  /** For RULE_BLOCKED: the blocking rule; for NO_COLUMN: the missing part (cardNo, code, …). */
  rule?: RuleId;
  part?: ColumnRole;
}

/** What an export will narrow to; all fields optional (none = every ready order). */
export interface ExportNarrowing {
  skuKeys?: string[];
  orderNos?: string[];
  /** ISO times: only orders whose ship-by is before / at or after. */
  shipByBefore?: string;
  shipByFrom?: string;
}

export interface ExportPreview {
  ready: number;
  /** Items (rows of the file when one row per item). */
  items: number;
  rows: number;
  parts: number;
  /** Left out, counted by reason (NOT_CHOSEN: ready orders outside the narrowing). */
  leftOut: Partial<Record<LeftOutCode, number>>;
  /** Ready orders by product, for narrowing. */
  byProduct: { skuKey: string; title: string; spec: string; ready: number }[];
  template: TemplateProfile;
  /** The file's header and its first rows, secrets masked. */
  header: string[];
  sample: string[][];
  /** The first left-out orders (the exceptions file has them all). */
  leftOutSample: LeftOutOrder[];
}

export type ExportFileKind = 'shipment' | 'messages' | 'exceptions';

export interface ExportFile {
  id: number;
  kind: ExportFileKind;
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** The file holds card secrets or account passwords: keep it safe. */
  holdsSecrets: boolean;
}

export interface ExportRecord {
  id: number;
  shopId: number;
  at: string;
  format: 'xlsx' | 'csv';
  /** The template filled ('' for the built-in layout). */
  template: string;
  builtInTemplate: boolean;
  orders: number;
  items: number;
  leftOut: number;
  files: ExportFile[];
  /** Re-exports: the orders asked for again and why. */
  reexport: { orderNos: string[]; reason: string } | null;
  /** Where its orders stand now. */
  states: Partial<Record<ShipState, number>>;
  results: UploadResult[];
}

/** A result file from the backend, as read. */
export interface UploadResult {
  id: number;
  at: string;
  file: string;
  sha256: string;
  rows: number;
  failed: number;
  succeeded: number;
  /** Order numbers the result lists that VShip never exported (or does not know). */
  unknown: number;
}

export interface UploadResultDetail extends UploadResult {
  failures: { orderNo: string; reason: string }[];
  unknownOrderNos: string[];
}

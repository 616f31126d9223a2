/**
 * Items pasted from Excel over selected orders. Excel copies rows as lines and cells as TABs:
 * one column is one code per row; two or more columns are a card number and its password (and
 * extras), sent as `卡号----密码` so the core reads them with its usual separator.
 */
import { STOCK_SEPARATORS } from '../../../../shared/rules/stock-separators';

/** The items in clipboard text, one per non-empty row, in row order. */
export function parsePastedItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    const cells = line.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    if (cells.length === 0) continue;
    items.push(cells.join(STOCK_SEPARATORS[0]));
  }
  return items;
}

/** One selected order, in grid order, and the number of items it takes. */
export interface PasteTarget {
  orderNo: string;
  need: number;
}

export interface PastePlan {
  entries: { orderNo: string; items: string[] }[];
  /** Items all targets need together, and items given. */
  need: number;
  given: number;
  /** Targets left without items because the paste ran out. */
  unfilled: string[];
  /** Items left over after every target took its share. */
  extra: number;
}

/** Hands the items out in order, each order taking exactly its need; an order never gets a part. */
export function planPaste(targets: PasteTarget[], items: string[]): PastePlan {
  const entries: PastePlan['entries'] = [];
  const unfilled: string[] = [];
  let at = 0;
  let need = 0;
  for (const target of targets) {
    need += target.need;
    if (unfilled.length === 0 && items.length - at >= target.need) {
      entries.push({ orderNo: target.orderNo, items: items.slice(at, at + target.need) });
      at += target.need;
    } else {
      unfilled.push(target.orderNo);
    }
  }
  return { entries, need, given: items.length, unfilled, extra: items.length - at };
}

import type { Locator, Page } from '@playwright/test';
import { dropFiles } from '../drop';

/** A stock level of one product. */
export type StockLevel = 'available' | 'reserved' | 'delivered' | 'expired' | 'voided';

/** 商品与卡库, one product's stock: levels, code-file imports, duplicates, batches and items. */
export class StockPage {
  constructor(readonly page: Page) {}

  /** The stock view (its `data-sku-key` names the product shown). */
  view(): Locator {
    return this.page.getByTestId('stock-view');
  }

  /** One stock level's count, e.g. `level('available')`. */
  level(kind: StockLevel): Locator {
    return this.page.getByTestId(`level-${kind}`);
  }

  /** Drops a code file (the text, UTF-8) on the open stock. */
  async importCodes(text: string, fileName = 'codes.txt'): Promise<void> {
    await dropFiles(this.page, [{ name: fileName, bytes: Buffer.from(text, 'utf8') }]);
  }

  /** The result card of the last stock import. */
  importResult(): Locator {
    return this.page.getByTestId('stock-import-result');
  }

  /** How many items the last import added. */
  added(): Locator {
    return this.page.getByTestId('stock-import-added');
  }

  /** The list of duplicates of the last import (absent when there were none). */
  duplicateList(): Locator {
    return this.page.getByTestId('stock-duplicates');
  }

  /** Each duplicate of the last import, in line order. */
  duplicates(): Locator {
    return this.page.getByTestId('stock-duplicate');
  }

  /** The 第 N 行 of the n-th duplicate. */
  duplicateLine(n: number): Locator {
    return this.duplicates().nth(n).getByTestId('duplicate-line');
  }

  /** The n-th duplicate's value as shown (masked). */
  duplicateValue(n: number): Locator {
    return this.duplicates().nth(n).locator('td').last();
  }

  /** Where the n-th duplicate was already seen (`data-where`: file or history). */
  duplicateWhere(n: number): Locator {
    return this.duplicates().nth(n).getByTestId('duplicate-where');
  }

  /** The lines a stock file was refused for. */
  rejected(): Locator {
    return this.page.getByTestId('stock-rejected');
  }

  /** The import batches listed for the product. */
  batchRows(): Locator {
    return this.page.locator('[data-testid=batch-row]');
  }

  /** Switches to the 条目 tab listing the items. */
  async showItems(): Promise<void> {
    await this.page.getByRole('tab', { name: '条目' }).click();
  }

  /** The items as listed, masked. */
  maskedItems(): Locator {
    return this.page.getByTestId('stock-item-masked');
  }

  /** Drops any file (bytes as they are) on the open stock. */
  async dropFile(name: string, bytes: Buffer): Promise<void> {
    await dropFiles(this.page, [{ name, bytes }]);
  }

  /** The question after a refusal that is not about single lines: an order export (作为订单导入?). */
  ordersQuestion(): Locator {
    return this.page.getByTestId('stock-question-orders');
  }

  /** The question after lines of another shape: change the product's delivery kind? */
  shapeQuestion(): Locator {
    return this.page.getByTestId('stock-question-shape');
  }

  /** 「作为订单导入」 in the order-export question. */
  async importAsOrders(): Promise<void> {
    await this.page.getByTestId('stock-import-as-orders').click();
  }

  /** 「改为…并导入」 in the shape question. */
  async changeKindAndImport(): Promise<void> {
    await this.page.getByTestId('stock-change-kind').click();
  }

  /** 取消 in either question. */
  async cancelQuestion(): Promise<void> {
    await this.page.getByTestId('stock-question-cancel').click();
  }

  /** The error card of the last stock import (a refusal of the whole file). */
  importError(): Locator {
    return this.page.getByTestId('stock-import-error');
  }

  /** Goes back to the products list. */
  async back(): Promise<void> {
    await this.page.getByTestId('stock-back').click();
  }

  /**
   * Ctrl+V with `text` on the clipboard: a paste event with the text in its clipboardData, as the
   * browser and Electron fire it; on the page (focus taken out of any field), or `intoFocused`.
   */
  async pasteClipboard(text: string, o: { intoFocused?: boolean } = {}): Promise<void> {
    await this.page.evaluate(({ text, intoFocused }) => {
      // Runs in the page; the Node-side tsconfig has no DOM types, so name only what is used.
      type Target = { blur?: () => void; dispatchEvent(e: object): boolean };
      const w = globalThis as unknown as {
        document: { activeElement: Target | null; body: Target };
        DataTransfer: new () => { setData(type: string, data: string): void };
        ClipboardEvent: new (type: string, init: { clipboardData: object; bubbles: boolean; cancelable: boolean }) => object;
      };
      if (!intoFocused) w.document.activeElement?.blur?.();
      const data = new w.DataTransfer();
      data.setData('text/plain', text);
      const target = intoFocused ? w.document.activeElement ?? w.document.body : w.document.body;
      target.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, { text, intoFocused: !!o.intoFocused });
  }

  /** The paste dialog's text area (shown while the dialog is open). */
  pasteText(): Locator {
    return this.page.getByTestId('stock-paste-text');
  }

  /** 「导入」 in the paste dialog. */
  async confirmPaste(): Promise<void> {
    await this.page.locator('.ant-modal').getByRole('button', { name: '导入' }).click();
    // Closed once its animation is over: until then a paste still belongs to the dialog.
    await this.page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
  }

  /** What the n-th duplicate repeats, as said (与第 1 行重复, 已在 11-28 导入的批次 #1 中…). */
  duplicateOf(n: number): Locator {
    return this.duplicates().nth(n).getByTestId('duplicate-of');
  }

  /** The batch expiry date picker's input. */
  expiryInput(): Locator {
    return this.page.getByTestId('stock-expires').locator('input');
  }

  /** The open date picker's panel. */
  datePanel(): Locator {
    return this.page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  }

  /** Types a date into the expiry picker and takes it (Enter). */
  async setExpiry(date: string): Promise<void> {
    await this.expiryInput().click();
    await this.expiryInput().fill(date);
    await this.expiryInput().press('Enter');
  }

  /** The expiry shown in a batch row. */
  batchExpiry(row: Locator): Locator {
    return row.locator('td').nth(5);
  }
}

import type { Locator, Page } from '@playwright/test';
import { dropFiles } from '../drop';

/** A figure of the 自动填充 summary: orders filled, items used, what stock was short. */
export type FillFigure = 'filled' | 'items' | 'short';

/** The 内容 filter of the grid: all orders, those with content, those without. */
export type FilledFilter = '全部内容' | '已填' | '未填';

/** 填充: 自动填充 from stock, pasting codes over checked orders, 撤销上次填充, each order's content. */
export class AllocationPage {
  constructor(readonly page: Page) {}

  /** Runs 自动填充. */
  async runFill(): Promise<void> {
    await this.page.getByTestId('fill-run').click();
  }

  /** The summary dialog of the last fill. */
  summary(): Locator {
    return this.page.getByTestId('fill-summary');
  }

  /** One figure of the fill summary, e.g. `summaryFigure('filled')`. */
  summaryFigure(figure: FillFigure): Locator {
    return this.summary().getByTestId(`fill-${figure}`);
  }

  /** Closes the fill summary with 确定. */
  async closeSummary(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  }

  /** Shows only orders with content, without, or all (the 内容 filter). */
  async showFilled(label: FilledFilter): Promise<void> {
    await this.page.getByTestId('filled-filter').click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  /** The content tags (masked) on screen, or of one row. */
  items(row?: Locator): Locator {
    return (row ?? this.page).getByTestId('order-item');
  }

  /** Opens 查看 on a row to show its content in full. */
  async reveal(row: Locator): Promise<void> {
    await row.getByTestId('reveal-order').click();
  }

  /** The dialog 查看 opens. */
  revealModal(): Locator {
    return this.page.getByTestId('reveal-modal');
  }

  /** The values shown in full by 查看. */
  revealedValues(): Locator {
    return this.page.getByTestId('reveal-value');
  }

  /** Closes the 查看 dialog. */
  async closeReveal(): Promise<void> {
    await this.page.getByTestId('reveal-close').click();
  }

  /** Pastes text over the grid (Ctrl+V): a paste event carrying it as text/plain. */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((data) => {
      // Runs in the page; the Node-side tsconfig has no DOM types, so name only what is used.
      const w = globalThis as unknown as PasteWindow;
      const transfer = new w.DataTransfer();
      transfer.setData('text/plain', data);
      w.document.body.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Pastes a column copied from Excel: one cell a line, CRLF, with the trailing line break. */
  async pasteColumn(cells: string[]): Promise<void> {
    await this.paste(cells.join('\r\n') + '\r\n');
  }

  /** 撤销上次填充, confirmed. */
  async undoLastFill(): Promise<void> {
    await this.page.getByTestId('fill-undo').click();
    await this.page.getByTestId('fill-undo-ok').click();
  }

  // ── Issue 12: the summary by product, top-ups in bulk, the supplier's result file ──

  /** One product the fill ran short of, in the summary (by SKU key). */
  shortProduct(skuKey: string): Locator {
    return this.summary().locator(`[data-testid=fill-short-product][data-sku="${skuKey}"]`);
  }

  /** The summary's head icon: a warning when something is left to do, else ✓ (success) or info. */
  summaryIcon(status: 'warning' | 'success' | 'info'): Locator {
    return this.summary().locator(`.ant-result-${status} .ant-result-icon`);
  }

  /** 去补货 on a short product: its stock page. */
  async restock(skuKey: string): Promise<void> {
    await this.shortProduct(skuKey).getByTestId('fill-restock').click();
  }

  /** 查看订单 on a short product: its unfilled orders in the grid. */
  async showShortOrders(skuKey: string): Promise<void> {
    await this.shortProduct(skuKey).getByTestId('fill-show-orders').click();
  }

  /** The 自动填充 button's tooltip, if shown. */
  fillTooltip(): Locator {
    return this.page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ hasText: '按承诺发货时间' });
  }

  /** 批量标记已充值 over the checked top-ups, with a supplier reference typed and Enter pressed. */
  async markCheckedRecharged(ref: string): Promise<void> {
    await this.page.getByTestId('recharge-batch-open').click();
    const input = this.page.getByTestId('recharge-batch-ref');
    await input.fill(ref);
    await input.press('Enter');
  }

  /** The 批量标记已充值 button (shown while checked rows include top-ups). */
  rechargeBatchButton(): Locator {
    return this.page.getByTestId('recharge-batch-open');
  }

  /** Opens 导入供应商结果 and drops a file onto its box. */
  async dropSupplierFile(name: string, bytes: Buffer): Promise<void> {
    if (!(await this.page.getByTestId('recharge-drop').isVisible())) await this.page.getByTestId('recharge-file-open').click();
    await this.page.getByTestId('recharge-drop').waitFor();
    await dropFiles(this.page, [{ name, bytes }], '[data-testid=recharge-drop]');
  }

  /** The supplier file's preview: what will be marked, what will not (the refused rows' table). */
  supplierPreview(): Locator {
    return this.page.getByTestId('recharge-preview');
  }

  /** A refused file's error. */
  supplierError(): Locator {
    return this.page.getByTestId('recharge-file-error');
  }

  /** 标记 N 个已充值 in the supplier dialog. */
  async applySupplierFile(): Promise<void> {
    await this.page.getByTestId('recharge-file-ok').click();
  }
}

interface PasteWindow {
  DataTransfer: new () => { setData(type: string, data: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: object; bubbles: boolean; cancelable: boolean }) => object;
  document: { body: { dispatchEvent(event: object): boolean } };
}

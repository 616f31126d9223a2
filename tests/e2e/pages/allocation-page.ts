import type { Locator, Page } from '@playwright/test';

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
}

interface PasteWindow {
  DataTransfer: new () => { setData(type: string, data: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: object; bubbles: boolean; cancelable: boolean }) => object;
  document: { body: { dispatchEvent(event: object): boolean } };
}

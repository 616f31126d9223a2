import type { Locator, Page } from '@playwright/test';

/** A column of the orders grid by its id (`data-col`, header `col-<id>`). */
export type GridColumnId = 'orderNo' | 'productName' | 'spec' | 'skuCode' | 'quantity' | 'content' | 'paid' | 'status'
  | 'afterSale' | 'rules' | 'rechargeNo' | 'province' | 'shipBy' | 'timeLeft' | 'shippable';

/** The orders grid itself: its pinned columns, 列设置, the keyboard's current row. */
export class GridPage {
  constructor(readonly page: Page) {}

  /** The grid's scroll container (focusable). */
  grid(): Locator {
    return this.page.getByTestId('orders-grid');
  }

  /** A column's header cell. */
  header(id: GridColumnId): Locator {
    return this.page.getByTestId(`col-${id}`);
  }

  /** The cells of one column on screen. */
  cells(id: GridColumnId): Locator {
    return this.page.locator(`[data-testid=order-row] [data-col=${id}]`);
  }

  /** The row the keyboard is on (↑/↓). */
  currentRow(): Locator {
    return this.page.locator('[data-testid=order-row][data-current]');
  }

  /** The rendered row at grid index `i`. */
  rowAt(i: number): Locator {
    return this.page.locator(`[data-testid=order-row][data-index="${i}"]`);
  }

  /** 列设置: opens the chooser at the header's right end. */
  async openColumnChooser(): Promise<Locator> {
    await this.page.getByTestId('columns-open').click();
    const chooser = this.page.getByTestId('column-chooser');
    await chooser.waitFor();
    return chooser;
  }

  /** Ticks or unticks a column in the open chooser, by its Chinese title. */
  async toggleColumn(title: string): Promise<void> {
    await this.page.getByTestId('column-chooser').getByText(title, { exact: true }).click();
  }

  /** 恢复默认 in the open chooser. */
  async resetColumns(): Promise<void> {
    await this.page.getByTestId('columns-reset').click();
  }

  /** The state filter: its count card (全部 / 可发货 / 不可发货 / 已超时 / 即将超时 — the cards are the filter). */
  async pickFilter(view: 'total' | 'shippable' | 'blocked' | 'overdue' | 'dueSoon'): Promise<void> {
    await this.page.getByTestId(`card-${view}`).click();
  }

  /** Focuses the grid without clicking a row (keys go to it). */
  async focus(): Promise<void> {
    await this.grid().focus();
  }

  /** The open order drawer. */
  drawer(): Locator {
    return this.page.locator('.ant-drawer-content').filter({ has: this.page.getByTestId('drawer-order-no') });
  }

  /** The drawer's copy button beside the order number. */
  drawerCopy(): Locator {
    return this.page.locator('.drawer-order-no .ant-typography-copy');
  }
}

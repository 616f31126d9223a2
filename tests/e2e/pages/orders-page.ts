import { expect, type Locator, type Page } from '@playwright/test';

/** A summary card above the grid: all orders, those that can ship, those that cannot. */
export type SummaryCard = 'total' | 'shippable' | 'blocked';

/** A grid column, as named by its `data-col` / `col-<name>` header. */
export type OrderColumn = 'orderNo' | 'productName' | 'skuCode' | 'quantity' | 'paid';

/** 订单: the summary cards and the virtualised orders grid with its search, sort and check boxes. */
export class OrdersPage {
  constructor(readonly page: Page) {}

  /** A summary card's count, e.g. `summaryCard('shippable')`. */
  summaryCard(kind: SummaryCard): Locator {
    return this.page.getByTestId(`count-${kind}`);
  }

  /** The grid's scroll container. */
  grid(): Locator {
    return this.page.getByTestId('orders-grid');
  }

  /** The rows on screen (only those rendered by the virtual grid). */
  rows(): Locator {
    return this.page.getByTestId('order-row');
  }

  /** The row of one order number. */
  row(orderNo: string): Locator {
    return this.page.locator(`[data-testid=order-row][data-order-no="${orderNo}"]`);
  }

  /** The rows on screen whose SKU cell shows `skuCode`. */
  rowsWithSku(skuCode: string): Locator {
    return this.rows().filter({ has: this.page.locator('[data-col=skuCode]', { hasText: skuCode }) });
  }

  /** One cell of a row, by column. */
  cell(row: Locator, column: OrderColumn): Locator {
    return row.locator(`[data-col=${column}]`);
  }

  /** Placeholder rows still waiting for their data. */
  loadingRows(): Locator {
    return this.page.getByTestId('order-row-loading');
  }

  /** The order numbers (`data-order-no`) of the rows on screen, or of `rows`, in grid order. */
  async orderNos(rows: Locator = this.rows()): Promise<string[]> {
    return rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-no') ?? ''));
  }

  /** The text of the 订单号 cell of each row on screen, in grid order. */
  async orderNoCells(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.querySelector('[data-col=orderNo]')?.textContent ?? ''));
  }

  /** A column header (carries `aria-sort` once sorted). */
  columnHeader(column: OrderColumn): Locator {
    return this.page.getByTestId(`col-${column}`);
  }

  /** Sorts the grid by a column (one click on its header). */
  async sortBy(column: OrderColumn): Promise<void> {
    await this.columnHeader(column).click();
  }

  /** Scrolls the grid to its last row. */
  async scrollToBottom(): Promise<void> {
    await this.grid().evaluate((el) => { el.scrollTop = el.scrollHeight; });
  }

  /** Types into the search box (empty text clears it). */
  /** Types into the search box and waits until the grid shows that search's rows (it is debounced). */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('search').fill(text);
    await expect(this.page.getByTestId('orders-screen')).toHaveAttribute('data-search', text.trim());
    await expect(this.page.getByTestId('orders-grid')).not.toHaveAttribute('data-total', '');
  }

  /** The 共 N 个订单 line under the grid. */
  gridTotal(): Locator {
    return this.page.getByTestId('grid-total');
  }

  /** Ticks the check box of one order's row. */
  async check(orderNo: string): Promise<void> {
    await this.row(orderNo).getByTestId('row-check').click();
  }

  /** The 已勾选 N 个订单 bar, present while orders are checked. */
  checkedInfo(): Locator {
    return this.page.getByTestId('checked-info');
  }

  /** A count card (the grid's filter), to click: 'total' 全部 … 'dueSoon' 即将超时. */
  card(view: SummaryCard | 'overdue' | 'dueSoon'): Locator {
    return this.page.getByTestId(`card-${view}`);
  }

  /** The count a card shows, as a number (50,000 → 50000). */
  async cardCount(view: SummaryCard | 'overdue' | 'dueSoon'): Promise<number> {
    return Number((await this.page.getByTestId(`count-${view}`).innerText()).replace(/,/g, ''));
  }

  /** The grid's 共 N 个订单, as a number (null until known). */
  async gridTotalCount(): Promise<number | null> {
    const m = /([\d,]+)/.exec(await this.gridTotal().innerText());
    return m ? Number(m[1].replace(/,/g, '')) : null;
  }

  /** The 商品/商家编码 filter: types `text` into it and picks the option whose label contains `option`. */
  async pickProduct(text: string, option: string): Promise<void> {
    const select = this.page.getByTestId('product-filter');
    await select.click();
    await this.page.keyboard.type(text);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  }

  /** 在「全部」中找到 N 个 [查看]: shown when the filters hide what the search finds. */
  searchElsewhere(): Locator {
    return this.page.getByTestId('search-elsewhere');
  }

  /**
   * How many rows are fully visible in the grid: inside the grid's box, below its header and
   * inside the window (what the merchant sees without scrolling).
   */
  async fullyVisibleRows(): Promise<number> {
    // The grid's visible box (its client height leaves out a horizontal scroll bar).
    const grid = await this.grid().evaluate((g) => ({ top: g.getBoundingClientRect().top, bottom: g.getBoundingClientRect().top + g.clientHeight }));
    // Header cells sit above the rows (sticky or not): the rows start under the lowest of them.
    const headerBottoms = await this.page.locator('[data-testid^=col-]:visible').evaluateAll((hs) => hs.map((h) => h.getBoundingClientRect().bottom));
    const rows = await this.rows().evaluateAll((rs) => rs.map((r) => {
      const b = r.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, height: b.height };
    }));
    const top = Math.max(grid.top, ...headerBottoms);
    const bottom = Math.min(grid.bottom, this.page.viewportSize()?.height ?? Infinity);
    return rows.filter((r) => r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5).length;
  }
}

import type { Locator, Page } from '@playwright/test';

/** 商品与卡库, list: each product with its kind, VShip's suggestion, 确认 and the editor. */
export class ProductsPage {
  constructor(readonly page: Page) {}

  /** The list row of one product, by SKU key. */
  row(skuKey: string): Locator {
    return this.page.locator(`[data-testid=product-row][data-sku-key="${skuKey}"]`);
  }

  /** The kind VShip suggests for a product, shown until the merchant confirms it. */
  suggestion(skuKey: string): Locator {
    return this.row(skuKey).getByTestId('product-suggestion');
  }

  /** The confirmed kind of a product (激活码, 卡密, ...). */
  kind(skuKey: string): Locator {
    return this.row(skuKey).getByTestId('product-kind');
  }

  /** Accepts VShip's suggested kind for a product. */
  async confirmSuggestion(skuKey: string): Promise<void> {
    await this.row(skuKey).getByTestId('product-confirm').click();
  }

  /** Opens a product's stock (a click on its row). */
  async openStock(skuKey: string): Promise<void> {
    await this.row(skuKey).click();
  }

  /** Opens the editor of a product. */
  async edit(skuKey: string): Promise<void> {
    await this.row(skuKey).getByTestId('product-edit').click();
  }

  /** The product editor dialog. */
  editor(): Locator {
    return this.page.getByTestId('product-editor');
  }

  /** Picks a kind in the open editor by its option text, e.g. `激活码/兑换码`. */
  async chooseKind(option: string): Promise<void> {
    await this.editor().getByTestId('product-kind-select').click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: option }).click();
  }

  /** Saves the open editor. */
  async save(): Promise<void> {
    await this.editor().getByTestId('product-save').click();
  }

  /** Every list row. */
  rows(): Locator {
    return this.page.getByTestId('product-row');
  }

  /** The SKU keys of the list rows, top to bottom. */
  async rowKeys(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sku-key') ?? ''));
  }

  /** The rows confirmed or edited since the list was sorted (tinted, tagged 已确认). */
  changedRows(): Locator {
    return this.page.locator('[data-testid=product-row][data-changed=true]');
  }

  /** The 已确认 tag of a row changed since the list was sorted. */
  changedTag(skuKey: string): Locator {
    return this.row(skuKey).getByTestId('product-changed');
  }

  /** Why VShip suggests what it does: the short line beside the suggestion. */
  suggestionWhy(skuKey: string): Locator {
    return this.row(skuKey).getByTestId('product-suggestion-why');
  }

  /** The 商家编码 cell of a row (or 无商家编码 with what the product is told apart by). */
  skuCode(skuKey: string): Locator {
    return this.row(skuKey).getByTestId('product-sku-code');
  }

  /** The list's column headers. */
  headers(): Locator {
    return this.page.locator('[data-testid=products-screen] .ant-table-thead th');
  }

  /** Checks a product's box (for 批量确认建议). */
  async check(skuKey: string): Promise<void> {
    await this.row(skuKey).locator('.ant-checkbox-input').check();
  }

  /** The header box: checks every unconfirmed row shown. */
  async checkAll(): Promise<void> {
    await this.page.locator('[data-testid=products-screen] .ant-table-thead .ant-checkbox-input').check();
  }

  /** 批量确认建议. */
  batchConfirmButton(): Locator {
    return this.page.getByTestId('products-batch-confirm');
  }

  /** 刷新: reloads the list and sorts it again. */
  async refresh(): Promise<void> {
    await this.page.getByTestId('products-reload').click();
  }

  /** Picks a view of the list: 全部 / 需处理 / 未确认 / 使用卡库. */
  async view(label: '全部' | '需处理' | '未确认' | '使用卡库'): Promise<void> {
    await this.page.getByTestId('products-filter').getByText(label, { exact: false }).click();
  }

  /** The toasts on screen. */
  toasts(): Locator {
    return this.page.locator('.ant-message-notice');
  }

  /** What the last 确认 or 批量确认建议 did, kept in the toolbar. */
  status(): Locator {
    return this.page.getByTestId('products-status');
  }

  /** The bottom edge of each toast on screen now, and the top of the list's header (no waiting). */
  async toastBottomsAndHeaderTop(): Promise<{ toasts: number[]; header: number }> {
    const toasts = await this.toasts().evaluateAll((ns) => ns.map((n) => n.getBoundingClientRect().bottom));
    const header = await this.page.locator('[data-testid=products-screen] .ant-table-thead').evaluate((h) => h.getBoundingClientRect().top);
    return { toasts, header };
  }
}

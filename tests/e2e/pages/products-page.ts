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
}

import type { Locator, Page } from '@playwright/test';

/** The window around every screen: the top bar with its view tabs (订单, 商品与卡库) and the shop. */
export class ShopsPage {
  constructor(readonly page: Page) {}

  /** Collects uncaught page errors from now on, into the returned (live) list. */
  collectErrors(): string[] {
    const errors: string[] = [];
    this.page.on('pageerror', (err) => errors.push(err.message));
    return errors;
  }

  /** Reloads the window, rendering the app from scratch. */
  async reload(): Promise<void> {
    await this.page.reload();
  }

  /** The whole window's content. */
  window(): Locator {
    return this.page.locator('body');
  }

  /** Spinners still turning anywhere in the window. */
  spinners(): Locator {
    return this.page.locator('.ant-spin-spinning');
  }

  /** Switches to the 订单 view. */
  async openOrders(): Promise<void> {
    await this.page.getByTestId('nav-orders').click();
  }

  /** Switches to the 商品与卡库 view. */
  async openStock(): Promise<void> {
    await this.page.getByTestId('nav-stock').click();
  }
}

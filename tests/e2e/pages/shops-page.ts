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

  /** The top bar above every screen: brand, view tabs, shop, import button. */
  topBar(): Locator {
    return this.page.locator('header.top-bar');
  }

  /** The app's name in the top bar (VShip) and its Chinese name under it. */
  brand(): { name: Locator; sub: Locator } {
    const top = this.topBar();
    return { name: top.locator('.brand-name'), sub: top.locator('.brand-sub') };
  }

  /** The view tabs of the top bar, in order (订单, 商品与卡库, 规则检查, 发货记录). */
  navTabs(): Locator {
    return this.topBar().locator('[data-testid^=nav-]:not([data-testid$=-badge])');
  }

  /** The view tab shown as chosen. */
  selectedNavTab(): Locator {
    return this.topBar().locator('.ant-segmented-item-selected [data-testid^=nav-]:not([data-testid$=-badge])');
  }

  /** The shop switcher, showing the current shop's name and type. */
  shopSelect(): Locator {
    return this.page.getByTestId('shop-select');
  }

  /** The 导入订单 button of the top bar. */
  importButton(): Locator {
    return this.page.getByTestId('import-button');
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

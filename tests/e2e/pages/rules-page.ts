import type { Locator, Page } from '@playwright/test';
import type { RuleId } from '../../../shared/domain';

/** A count card of 规则检查: orders blocked, orders with warnings, products breaking a rule. */
export type RulesCard = 'blockedOrders' | 'warnedOrders' | 'blockedProducts';

/** A count of one rule's row: orders, products, blocks released by hand. */
export type RuleCountColumn = 'orders' | 'products' | 'overridden';

/** 规则检查: the count cards, 重新检查, the table of rules, and the 规则设置 drawer; plus the shop's type in the switcher. */
export class RulesPage {
  constructor(readonly page: Page) {}

  /** Switches to the 规则检查 view. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-rules').click();
  }

  screen(): Locator {
    return this.page.getByTestId('rules-screen');
  }

  /** The red count of blocked orders on the 规则检查 tab (absent at 0). */
  navBadge(): Locator {
    return this.page.getByTestId('nav-rules-badge');
  }

  card(kind: RulesCard): Locator {
    return this.page.getByTestId(`rules-count-${kind}`);
  }

  checkedAt(): Locator {
    return this.page.getByTestId('rules-checked-at');
  }

  recheckButton(): Locator {
    return this.page.getByTestId('rules-recheck');
  }

  /** 重新检查, waiting until its spinner stops. */
  async recheck(): Promise<void> {
    await this.recheckButton().click();
    await this.page.locator('[data-testid=rules-recheck].ant-btn-loading').waitFor({ state: 'detached' });
  }

  /** The line saying no order or product breaks a rule. */
  allClear(): Locator {
    return this.page.getByTestId('rules-all-clear');
  }

  rows(): Locator {
    return this.page.getByTestId('rule-row');
  }

  row(rule: RuleId): Locator {
    return this.page.locator(`[data-testid=rule-row][data-rule=${rule}]`);
  }

  /** One rule's count (a link when above 0). */
  count(rule: RuleId, column: RuleCountColumn): Locator {
    return this.row(rule).getByTestId(`rule-${column}`);
  }

  /** One rule's count as a number. */
  async countOf(rule: RuleId, column: RuleCountColumn): Promise<number> {
    return Number(await this.count(rule, column).textContent());
  }

  /** Opens a rule's row on its explanation and fix; returns the open part. */
  async expand(rule: RuleId): Promise<Locator> {
    await this.row(rule).getByTestId('rule-title').click();
    return this.page.locator(`[data-testid=rule-row][data-rule=${rule}] + tr`).getByTestId('rule-detail');
  }

  // 规则设置

  async openSettings(): Promise<void> {
    await this.page.getByTestId('rules-settings-open').click();
    await this.settings().waitFor();
  }

  settings(): Locator {
    return this.page.locator('.ant-drawer').filter({ has: this.page.getByTestId('rules-settings-body') });
  }

  /** A rule's section in the drawer. */
  settingsOf(rule: RuleId): Locator {
    return this.page.locator(`[data-testid=rule-settings][data-rule=${rule}]`);
  }

  /** A number parameter's input, e.g. `paramInput('LATE_SHIPMENT', 'dueWithinHours')`. */
  paramInput(rule: RuleId, name: string): Locator {
    return this.settingsOf(rule).getByTestId(`rule-param-${name}`);
  }

  /** Types a number parameter and saves its rule. */
  async setNumber(rule: RuleId, name: string, value: number): Promise<void> {
    const input = this.paramInput(rule, name);
    await input.fill(String(value));
    await input.blur();
    await this.save(rule);
  }

  async save(rule: RuleId): Promise<void> {
    await this.settingsOf(rule).getByTestId('rule-save').click();
    await this.page.locator(`[data-testid=rule-settings][data-rule=${rule}] [data-testid=rule-save].ant-btn-loading`).waitFor({ state: 'detached' });
  }

  /** 恢复默认 of one rule. */
  async reset(rule: RuleId): Promise<void> {
    await this.settingsOf(rule).getByTestId('rule-reset').click();
  }

  /** 全部恢复默认, confirmed. */
  async resetAll(): Promise<void> {
    await this.page.getByTestId('rules-reset-all').click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '全部恢复默认' }).click();
  }

  async closeSettings(): Promise<void> {
    await this.settings().locator('.ant-drawer-close').click();
    await this.page.getByTestId('rules-settings-body').waitFor({ state: 'hidden' });
  }

  // The shop's type (个人 / 企业), in the shop switcher.

  /** The current shop's type tag in the switcher. */
  shopType(): Locator {
    return this.page.locator('[data-testid=shop-select] .ant-select-selection-item, [data-testid=shop-select] .ant-select-content').getByTestId('shop-type').first();
  }

  /** Changes the current shop's type to the other one, through its confirmation. */
  async changeShopType(): Promise<void> {
    await this.page.getByTestId('shop-select').click();
    await this.page.getByTestId('shop-type-change').click();
    await this.page.getByTestId('shop-type-confirm').click();
  }

  /** Creates a shop of a type from the switcher; it becomes the current shop. */
  async createShop(name: string, type: 'personal' | 'enterprise'): Promise<void> {
    await this.page.getByTestId('shop-select').click();
    await this.page.getByTestId('shop-create').click();
    await this.page.getByTestId('shop-name').fill(name);
    await this.page.getByTestId(`shop-type-${type}`).click();
    await this.page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  }
}

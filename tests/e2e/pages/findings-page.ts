import type { Locator, Page } from '@playwright/test';

/** A finding's state in a list: an active block or warning, or a block lifted by an override. */
export type FindingState = 'active' | 'overridden';

/** The tone of a 规则 badge: 拦截 N, 提醒 N, 已放行. */
export type BadgeTone = 'block' | 'warn' | 'overridden';

/**
 * 规则 findings where the merchant meets them: the badge of a grid row or a product row, the rule
 * filter and 有拦截 above the grid, the 规则检查 list of the order drawer and the product editor
 * with 放行 / 撤回放行, and the live diversion check of the message template editor.
 */
export class FindingsPage {
  constructor(readonly page: Page) {}

  /** The 规则 badge of one order's grid row. */
  orderBadge(orderNo: string): Locator {
    return this.page.locator(`[data-testid=order-row][data-order-no="${orderNo}"]`).getByTestId('findings-badge');
  }

  /** The 规则 cell of one order's grid row (its title lists each finding). */
  orderRulesCell(orderNo: string): Locator {
    return this.page.locator(`[data-testid=order-row][data-order-no="${orderNo}"] [data-col=rules]`);
  }

  /** The 规则 badge of one product's row on 商品与卡库. */
  productBadge(skuKey: string): Locator {
    return this.page.locator(`[data-testid=product-row][data-sku-key="${skuKey}"]`).getByTestId('findings-badge');
  }

  /** Shows only orders with an active finding of the rule titled `title` (全部规则 for all). */
  async filterByRule(title: string): Promise<void> {
    await this.page.getByTestId('rule-filter').click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${title}$`) }).click();
  }

  /** The rule filter's current choice. */
  ruleFilter(): Locator {
    return this.page.getByTestId('rule-filter');
  }

  /** Turns the 有拦截 quick filter on or off. */
  async toggleBlocked(): Promise<void> {
    await this.page.getByTestId('rule-blocked-filter').click();
  }

  /** The 有拦截 button (aria-pressed while on). */
  blockedToggle(): Locator {
    return this.page.getByTestId('rule-blocked-filter');
  }

  /** The findings listed in the open order drawer or product editor, or in `scope`. */
  findings(scope?: Locator): Locator {
    return (scope ?? this.page).getByTestId('finding');
  }

  /** The finding of one rule (its id), in the open drawer or editor, or in `scope`. */
  finding(rule: string, scope?: Locator): Locator {
    return (scope ?? this.page).locator(`[data-testid=finding][data-rule="${rule}"]`);
  }

  /** Opens 放行 on a finding, writes the reason and confirms; `scope` picks 仅此订单 / 整个商品 when offered. */
  async override(finding: Locator, reason: string, scope?: '仅此订单' | '整个商品'): Promise<void> {
    await finding.getByTestId('finding-override-open').click();
    const modal = this.overrideModal();
    if (scope) await modal.getByTestId('override-scope').getByText(scope).click();
    await modal.getByTestId('override-reason').fill(reason);
    await this.page.getByTestId('override-ok').click();
  }

  /** The 放行 dialog. */
  overrideModal(): Locator {
    return this.page.getByTestId('override-modal');
  }

  /** 撤回放行 on a finding, confirmed. */
  async withdraw(finding: Locator): Promise<void> {
    await finding.getByTestId('finding-withdraw').click();
    await this.page.getByTestId('withdraw-ok').click();
  }

  /** The template box of the open product editor. */
  templateText(): Locator {
    return this.page.getByTestId('template-text');
  }

  /** The live check's verdict under the template (present only when it found something). */
  templateCheck(): Locator {
    return this.page.getByTestId('template-check');
  }

  /** The highlighted spans of the template. */
  templateMarks(): Locator {
    return this.page.getByTestId('template-mark');
  }
}

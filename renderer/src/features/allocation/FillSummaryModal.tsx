/**
 * What 自动填充 did: orders and items filled, damaged stock rows it left out, what stock was short
 * by product (去补货, 查看订单), those a rule blocks (held, by rule), the rest by reason (去确认).
 * A warning, not a ✓, when something was left for the merchant to do.
 */
import { Alert, Button, Modal, Result } from 'antd';
import type { DeliveryKind, FillResult, RuleId, SkipCode } from '../../../../shared/domain';
import { t, unitLabel } from '../../i18n';
import { ruleTitle } from '../rules';
import './allocation.css';

const SHORT_SHOWN = 50;
/** Skip reasons the merchant can cure in the products list. */
const NEEDS_PRODUCT: readonly SkipCode[] = ['PRODUCT_UNCONFIRMED', 'RENTAL_DAYS_MISSING'];
/** Skip reasons that call for the merchant (a top-up waits for its mark as a matter of course; a kind without stock never fills). */
const NEEDS_ACTION: readonly SkipCode[] = [...NEEDS_PRODUCT, 'ITEM_INCONSISTENT'];
const SAMPLE_ORDERS = 3;

export function FillSummaryModal({ result, onClose, onShowOrders, onRestock, onConfirmProducts }: {
  result: FillResult | null;
  onClose: () => void;
  /** 查看订单: the grid shows that product's unfilled orders (the summary closes first). */
  onShowOrders?: (skuKey: string) => void;
  /** 去补货: that product's stock page. */
  onRestock?: (skuKey: string) => void;
  /** 去确认: the products list, where delivery kinds and rental days are set. */
  onConfirmProducts?: () => void;
}) {
  const skipped = new Map<SkipCode, string[]>();
  for (const s of result?.skipped ?? []) {
    const list = skipped.get(s.code);
    if (list) list.push(s.orderNo);
    else skipped.set(s.code, [s.orderNo]);
  }
  const groups = [...skipped.entries()].sort((a, b) => b[1].length - a[1].length);
  const heldByRule = new Map<RuleId, string[]>();
  for (const h of result?.held ?? []) heldByRule.set(h.rule, [...(heldByRule.get(h.rule) ?? []), h.orderNo]);
  const held = [...heldByRule.entries()].sort((a, b) => b[1].length - a[1].length);
  const heldCount = result?.held.length ?? 0;
  const shortOrders = result?.short.length ?? 0;
  const byProduct = result?.shortByProduct ?? [];
  const inconsistent = result?.inconsistent ?? [];
  const needsAction = shortOrders > 0 || inconsistent.length > 0 || groups.some(([code]) => NEEDS_ACTION.includes(code));
  const then = (f: (() => void) | undefined) => () => { onClose(); f?.(); };
  return (
    <Modal
      open={result !== null}
      title={t('fill.summaryTitle')}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      focusable={{ focusTriggerAfterClose: false }}
      footer={<Button type="primary" onClick={onClose}>{t('common.ok')}</Button>}
    >
      {result && (
        <div className="fill-summary" data-testid="fill-summary" data-status={needsAction ? 'warning' : result.filled > 0 ? 'success' : 'info'}>
          <Result
            className="fill-summary-head"
            status={needsAction ? 'warning' : result.filled > 0 ? 'success' : 'info'}
            title={
              <span>
                {t('fill.filledLead')}
                <span className="fill-count" data-testid="fill-filled">{result.filled}</span>
                {t('fill.filledOrders')}
                <span className="fill-count" data-testid="fill-items">{result.items}</span>
                {t('fill.filledItems')}
              </span>
            }
            subTitle={needsAction ? t('fill.needsAction') : result.filled > 0 ? t('fill.undoHint') : t('fill.nothing')}
          />
          {inconsistent.length > 0 && (
            <Alert
              className="fill-inconsistent"
              data-testid="fill-inconsistent"
              type="warning"
              showIcon
              message={t('fill.inconsistentTitle', { count: inconsistent.length })}
              description={
                <>
                  <ul className="fill-inconsistent-list">
                    {inconsistent.slice(0, SHORT_SHOWN).map((x) => (
                      <li key={x.itemId} className="selectable">{t('fill.inconsistentLine', { itemId: x.itemId, skuKey: x.skuKey, orderNo: x.heldByOrderNo })}</li>
                    ))}
                  </ul>
                  {inconsistent.length > SHORT_SHOWN && <div className="muted fill-more">{t('fill.more', { count: inconsistent.length - SHORT_SHOWN })}</div>}
                  <div className="muted">{t('fill.inconsistentHint')}</div>
                </>
              }
            />
          )}
          {shortOrders > 0 && (
            <section className="fill-section" data-testid="fill-short">
              <div className="fill-section-title">{t('fill.shortTitle', { count: shortOrders, products: byProduct.length })}</div>
              <ul className="fill-skipped fill-short-list">
                {byProduct.slice(0, SHORT_SHOWN).map((p) => (
                  <li key={p.skuKey} data-testid="fill-short-product" data-sku={p.skuKey}>
                    <span className="fill-short-name" title={[p.productName, p.spec].filter(Boolean).join(' ')}>
                      <span className="strong">{p.productName || p.skuCode || p.skuKey}</span>
                      <span className="muted fill-short-sub">
                        {[p.spec, p.skuCode ? t('fill.shortCode', { code: p.skuCode }) : ''].filter(Boolean).join(t('fill.shortSubSep'))}
                      </span>
                    </span>
                    <span className="fill-short-figures">
                      <span className="text-danger fill-short-units" data-testid="fill-short-units">
                        {t('fill.shortUnits', { units: Math.max(0, p.need - p.available), unit: unitLabel(p.kind as DeliveryKind | null), orders: p.orders })}
                      </span>
                      <span className="muted fill-short-detail">{t('fill.shortLine', { need: p.need, available: p.available })}</span>
                    </span>
                    <span className="fill-actions">
                      {onRestock && <Button type="link" size="small" onClick={then(() => onRestock(p.skuKey))} data-testid="fill-restock">{t('fill.restock')}</Button>}
                      {onShowOrders && <Button type="link" size="small" onClick={then(() => onShowOrders(p.skuKey))} data-testid="fill-show-orders">{t('fill.showOrders')}</Button>}
                    </span>
                  </li>
                ))}
              </ul>
              {byProduct.length > SHORT_SHOWN && <div className="muted fill-more">{t('fill.moreProducts', { count: byProduct.length - SHORT_SHOWN })}</div>}
            </section>
          )}
          {held.length > 0 && (
            <section className="fill-section" data-testid="fill-held">
              <div className="fill-section-title">{t('fill.heldTitle', { count: heldCount })}</div>
              <ul className="fill-skipped">
                {held.map(([rule, orders]) => (
                  <li key={rule} data-testid="fill-held-rule" data-rule={rule}>
                    <span className="fill-skipped-reason">{ruleTitle(rule)}</span>
                    <span className="fill-skipped-count" data-testid="fill-held-count">{t('fill.ordersCount', { count: orders.length })}</span>
                    <span className="muted mono fill-skipped-sample">
                      {orders.slice(0, SAMPLE_ORDERS).join(t('terms.listSep'))}{orders.length > SAMPLE_ORDERS ? t('fill.etc') : ''}
                    </span>
                  </li>
                ))}
              </ul>
              <div className="muted fill-held-hint">{t('fill.heldHint')}</div>
            </section>
          )}
          {groups.length > 0 && (
            <section className="fill-section" data-testid="fill-skipped">
              <div className="fill-section-title">{t('fill.skippedTitle', { count: result.skipped.length })}</div>
              <ul className="fill-skipped">
                {groups.map(([code, orders]) => (
                  <li key={code} data-testid="fill-skipped-reason" data-code={code}>
                    <span className="fill-skipped-reason">{t(`fill.skip.${code}`)}</span>
                    <span className="fill-skipped-count">{t('fill.ordersShort', { count: orders.length })}</span>
                    <span className="muted mono fill-skipped-sample">
                      {orders.slice(0, SAMPLE_ORDERS).join(t('terms.listSep'))}{orders.length > SAMPLE_ORDERS ? t('fill.etc') : ''}
                    </span>
                    {NEEDS_PRODUCT.includes(code) && onConfirmProducts && (
                      <Button type="link" size="small" className="fill-actions" onClick={then(onConfirmProducts)} data-testid="fill-confirm-products">
                        {t(code === 'PRODUCT_UNCONFIRMED' ? 'fill.confirmProducts' : 'fill.setRental')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Modal>
  );
}

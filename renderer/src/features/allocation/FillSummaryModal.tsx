/**
 * What 自动填充 did: orders and items filled, damaged stock rows it left out, the orders short of
 * stock, those a rule blocks (held, by rule), the rest by reason.
 */
import { Alert, Button, Modal, Result, Table } from 'antd';
import type { FillResult, RuleId } from '../../../../shared/domain';
import { t } from '../../i18n';
import { ruleTitle } from '../rules';
import './allocation.css';

const SHORT_SHOWN = 50;
const SAMPLE_ORDERS = 3;

export function FillSummaryModal({ result, onClose }: { result: FillResult | null; onClose: () => void }) {
  const skipped = new Map<string, string[]>();
  for (const s of result?.skipped ?? []) {
    const label = t(`fill.skip.${s.code}`);
    skipped.set(label, [...(skipped.get(label) ?? []), s.orderNo]);
  }
  const groups = [...skipped.entries()].sort((a, b) => b[1].length - a[1].length);
  const heldByRule = new Map<RuleId, string[]>();
  for (const h of result?.held ?? []) heldByRule.set(h.rule, [...(heldByRule.get(h.rule) ?? []), h.orderNo]);
  const held = [...heldByRule.entries()].sort((a, b) => b[1].length - a[1].length);
  const heldCount = result?.held.length ?? 0;
  const short = result?.short ?? [];
  const inconsistent = result?.inconsistent ?? [];
  return (
    <Modal
      open={result !== null}
      title={t('fill.summaryTitle')}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={<Button type="primary" onClick={onClose}>{t('common.ok')}</Button>}
    >
      {result && (
        <div className="fill-summary" data-testid="fill-summary">
          <Result
            className="fill-summary-head"
            status={result.filled > 0 ? 'success' : 'info'}
            title={
              <span>
                {t('fill.filledLead')}
                <span className="fill-count" data-testid="fill-filled">{result.filled}</span>
                {t('fill.filledOrders')}
                <span className="fill-count" data-testid="fill-items">{result.items}</span>
                {t('fill.filledItems')}
              </span>
            }
            subTitle={result.filled > 0 ? t('fill.undoHint') : t('fill.nothing')}
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
          {short.length > 0 && (
            <section className="fill-section" data-testid="fill-short">
              <div className="fill-section-title">{t('fill.shortTitle', { count: short.length })}</div>
              <Table
                size="small"
                pagination={false}
                rowKey="orderNo"
                scroll={{ y: 180 }}
                dataSource={short.slice(0, SHORT_SHOWN)}
                columns={[
                  { key: 'orderNo', dataIndex: 'orderNo', title: t('col.orderNo'), render: (v: string) => <span className="mono selectable">{v}</span> },
                  {
                    key: 'need', title: t('fill.shortReason'),
                    render: (_: unknown, s: FillResult['short'][number]) => <span className="text-danger">{t('fill.shortLine', { need: s.need, available: s.available })}</span>,
                  },
                ]}
              />
              {short.length > SHORT_SHOWN && <div className="muted fill-more">{t('fill.more', { count: short.length - SHORT_SHOWN })}</div>}
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
                {groups.map(([reason, orders]) => (
                  <li key={reason}>
                    <span className="fill-skipped-reason">{reason}</span>
                    <span className="fill-skipped-count">{t('fill.ordersCount', { count: orders.length })}</span>
                    <span className="muted mono fill-skipped-sample">
                      {orders.slice(0, SAMPLE_ORDERS).join(t('terms.listSep'))}{orders.length > SAMPLE_ORDERS ? t('fill.etc') : ''}
                    </span>
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

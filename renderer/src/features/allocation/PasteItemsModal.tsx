/**
 * 粘贴卡密: a textarea for a column (or two) copied from Excel, and a preview of which selected
 * order takes which items, in grid order. The preview masks what was pasted.
 */
import { useMemo, useState } from 'react';
import { Alert, Input, Modal, Table, type ButtonProps } from 'antd';
import { maskSecret } from '../../../../shared/rules/mask';
import { STOCK_SEPARATORS } from '../../../../shared/rules/stock-separators';
import { t } from '../../i18n';
import { parsePastedItems, planPaste, type PasteTarget } from './excel-paste';
import '../../ui/tags.css';
import './allocation.css';

/**
 * 「8831****4410 / ******」: the first part (card number or login) masked, the rest hidden. Pasted
 * columns are joined with the first stock separator (`----`), which the core reads back.
 */
export function maskPasted(item: string): string {
  const [first, ...rest] = item.split(STOCK_SEPARATORS[0]);
  return [maskSecret(first), ...rest.map(() => '******')].join(' / ');
}

export function PasteItemsModal({ open, targets, skipped, busy, onCancel, onSubmit }: {
  open: boolean;
  targets: PasteTarget[];
  /** Why some checked orders are left out (already filled, not shippable, product not set). */
  skipped: string[];
  busy: boolean;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}) {
  const [text, setText] = useState('');
  const items = useMemo(() => parsePastedItems(text), [text]);
  const plan = useMemo(() => planPaste(targets, items), [targets, items]);
  const rows = targets.map((tg) => ({ ...tg, items: plan.entries.find((e) => e.orderNo === tg.orderNo)?.items ?? [] }));
  const mismatch = items.length > 0 && plan.need !== plan.given;
  return (
    <Modal
      open={open}
      title={t('paste.title')}
      onCancel={onCancel}
      onOk={() => onSubmit(text)}
      okText={t('paste.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: items.length === 0 || plan.entries.length === 0, loading: busy, 'data-testid': 'paste-submit' } as ButtonProps}
      width={720}
      destroyOnHidden
      afterClose={() => setText('')}
    >
      <div className="paste-modal">
        <div className="muted">{t('paste.howto')}</div>
        <Input.TextArea
          autoFocus
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('paste.placeholder')}
          className="mono"
          data-testid="paste-text"
          spellCheck={false}
        />
        <div className="paste-counts">
          {t('paste.counts', { orders: targets.length, need: plan.need, given: items.length })}
          {skipped.map((s) => <span key={s} className="muted">{s}</span>)}
        </div>
        {mismatch && (
          <Alert
            type="warning"
            showIcon
            title={plan.given < plan.need
              ? t('paste.tooFew', { need: plan.need, given: plan.given, unfilled: plan.unfilled.length })
              : t('paste.tooMany', { need: plan.need, given: plan.given, extra: plan.extra })}
          />
        )}
        <Table
          size="small"
          pagination={false}
          rowKey="orderNo"
          scroll={{ y: 220 }}
          dataSource={rows}
          columns={[
            { key: 'orderNo', dataIndex: 'orderNo', title: t('col.orderNo'), width: 210, render: (v: string) => <span className="mono">{v}</span> },
            { key: 'need', dataIndex: 'need', title: t('paste.need'), width: 70, align: 'right' },
            {
              key: 'items', title: t('paste.takes'),
              render: (_: unknown, r: (typeof rows)[number]) => r.items.length
                ? r.items.map((it, i) => <span key={i} className="cell-tag tag-item">{maskPasted(it)}</span>)
                : <span className="muted">{items.length ? t('paste.none') : ''}</span>,
            },
          ]}
        />
      </div>
    </Modal>
  );
}

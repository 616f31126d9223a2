/**
 * When a stock import is refused because the file is not this product's stock, a question rather
 * than an error: an order export dropped on the stock page can be imported as orders instead; lines
 * of another shape (卡号----密码 into an 激活码 product) can change the product's delivery kind and
 * import again. Nothing was imported either way until the merchant answers.
 */
import { Alert, Button, Modal } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { DeliveryKind } from '../../../../shared/domain';
import type { AppErrorData, ErrorNote } from '../../../../shared/errors';
import { kindLabel, kindShort, t } from '../../i18n';
import { noteText } from '../../lib/error-text';
import './stock.css';

/** What was refused, and what the merchant may do about it. */
export type StockQuestion =
  | { kind: 'orders'; source: string; error: AppErrorData; file: File | null }
  | { kind: 'shape'; source: string; error: AppErrorData; from: DeliveryKind | null; to: DeliveryKind };

const LOOKS_LIKE: Partial<Record<ErrorNote['key'], DeliveryKind>> = { LOOKS_LIKE_CARD: 'card', LOOKS_LIKE_CODE: 'code', LOOKS_LIKE_ACCOUNT: 'account' };

/** The kind a STOCK_SHAPE_MISMATCH suggests (its LOOKS_LIKE_* note), or null. */
export function suggestedKind(e: AppErrorData): DeliveryKind | null {
  for (const n of e.notes ?? []) if (LOOKS_LIKE[n.key]) return LOOKS_LIKE[n.key]!;
  return null;
}

export function StockQuestionDialog({ question, busy, onImportOrders, onChangeKind, onClose }: {
  question: StockQuestion | null;
  busy: boolean;
  onImportOrders: (file: File) => void;
  onChangeKind: (kind: DeliveryKind) => void;
  onClose: () => void;
}) {
  const q = question;
  const notes = q?.error.notes ?? [];
  const isOrders = q?.kind === 'orders';
  // An export with its header can be imported as orders; rows without one cannot.
  const canImport = q?.kind === 'orders' && q.file !== null;
  const footer = q === null ? null : (
    <div className="stock-question-buttons">
      <Button onClick={onClose} disabled={busy} data-testid="stock-question-cancel">{t('common.cancel')}</Button>
      {q.kind === 'orders' && q.file && (
        <Button type="primary" loading={busy} onClick={() => onImportOrders(q.file!)} data-testid="stock-import-as-orders">{t('stockQuestion.importAsOrders')}</Button>
      )}
      {q.kind === 'shape' && (
        <Button type="primary" loading={busy} onClick={() => onChangeKind(q.to)} data-testid="stock-change-kind">{t('stockQuestion.changeKind', { kind: kindShort(q.to) })}</Button>
      )}
    </div>
  );
  return (
    <Modal
      open={q !== null}
      title={
        <span className="stock-question-title">
          <QuestionCircleOutlined className="stock-question-icon" />
          {q && t(isOrders ? 'stockQuestion.ordersTitle' : 'stockQuestion.shapeTitle')}
        </span>
      }
      onCancel={busy ? undefined : onClose}
      maskClosable={!busy}
      footer={footer}
      width={600}
      destroyOnHidden
    >
      {q && (
        <div className="stock-question" data-testid={isOrders ? 'stock-question-orders' : 'stock-question-shape'}>
          <p>{t(isOrders ? 'stockQuestion.ordersLead' : 'stockQuestion.shapeLead', { source: q.source, kind: q.kind === 'shape' && q.from ? kindShort(q.from) : '' })}</p>
          {notes.length > 0 && (
            <Alert type="info" className="stock-question-notes" title={<div>{notes.map((n, i) => <div key={i}>{noteText(n)}</div>)}</div>} />
          )}
          {q.kind === 'shape' && (
            <p className="stock-question-change" data-testid="stock-question-change">
              {t('stockQuestion.kindChange', { from: q.from ? kindLabel(q.from) : t('stockQuestion.noKind'), to: kindLabel(q.to) })}
            </p>
          )}
          <p className="muted">{t(canImport ? 'stockQuestion.ordersAsk' : isOrders ? 'stockQuestion.ordersRows' : 'stockQuestion.shapeAsk')}</p>
        </div>
      )}
    </Modal>
  );
}

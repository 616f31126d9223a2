/**
 * The delivery message template of a product: variables inserted at the cursor from chips, and a
 * live preview rendered with the core's own renderMessage — on a real waiting order of the
 * product when there is one, always with placeholder items, never real secrets.
 */
import { useRef } from 'react';
import { Button, Input, type GetRef } from 'antd';
import type { DeliveryKind, Order, ProductTerms } from '../../../../shared/domain';
import { toBeijingIso } from '../../../../shared/rules/classify';
import { DEFAULT_TEMPLATES, MESSAGE_VARIABLES, renderMessage, type MessageItem, type MessageOrder } from '../../../../shared/rules/message';
import { t } from '../../i18n';
import { isStocked } from '../stock';
import './messages.css';

type TextAreaRef = GetRef<typeof Input.TextArea>;
const DAY = 86_400_000;
/** Enough placeholder items to show a repeated line, not a wall of them. */
const MAX_PREVIEW_ITEMS = 3;

function placeholderItems(kind: DeliveryKind, terms: ProductTerms, count: number, now: number): MessageItem[] {
  if (!isStocked(kind)) return [];
  const expiresAt = terms.validUntil ? `${terms.validUntil}T23:59:59+08:00` : terms.validDays ? toBeijingIso(now + terms.validDays * DAY) : null;
  const rentalUntil = kind === 'account' && terms.rentalDays ? toBeijingIso(now + terms.rentalDays * DAY) : null;
  return Array.from({ length: Math.min(Math.max(count, 1), MAX_PREVIEW_ITEMS) }, (_, i) => ({
    cardNo: t('template.sample.cardNo', { n: i + 1 }),
    password: t('template.sample.password', { n: i + 1 }),
    code: t('template.sample.code', { n: i + 1 }),
    login: t('template.sample.login', { n: i + 1 }),
    rentalUntil,
    expiresAt,
  }));
}

export function MessageTemplateEditor({ value, onChange, kind, terms, order, fallbackOrder }: {
  value?: string;
  onChange?: (v: string) => void;
  kind: DeliveryKind | null;
  /** The terms as edited now (validity, rental, items per unit) for the preview. */
  terms: ProductTerms;
  /** A waiting order of this product, or null: the preview then uses `fallbackOrder`. */
  order: Order | null;
  fallbackOrder: MessageOrder;
}) {
  const area = useRef<TextAreaRef>(null);
  const text = value ?? '';
  const fallback = kind ? DEFAULT_TEMPLATES[kind] : '';

  const insert = (name: string) => {
    const el = area.current?.resizableTextArea?.textArea;
    const token = `{${name}}`;
    const start = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    onChange?.(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const msgOrder: MessageOrder = order
    ? { orderNo: order.orderNo, productName: order.productName, spec: order.spec, quantity: order.quantity, rechargeNo: order.rechargeNo }
    : fallbackOrder;
  const count = msgOrder.quantity * (terms.itemsPerUnit ?? 1);
  const preview = kind ? renderMessage(text.trim() || fallback, msgOrder, placeholderItems(kind, terms, count, Date.now())) : '';

  return (
    <div className="template-editor">
      <div className="template-chips">
        <span className="muted">{t('template.insert')}</span>
        {MESSAGE_VARIABLES.map((v) => (
          <button type="button" key={v} className="template-chip" onClick={() => insert(v)} data-testid="template-chip">
            {`{${v}}`}
          </button>
        ))}
      </div>
      <Input.TextArea
        ref={area}
        rows={4}
        value={text}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder={fallback ? t('template.placeholder', { text: fallback }) : t('template.needKind')}
        maxLength={2000}
        data-testid="template-text"
      />
      <div className="template-foot">
        <span className="muted">{text.trim() ? t('template.custom') : t('template.usingDefault')}</span>
        <span className="toolbar-spacer" />
        {fallback && (
          <Button size="small" type="link" onClick={() => onChange?.(fallback)} disabled={text === fallback}>{t('template.startFromDefault')}</Button>
        )}
      </div>
      {kind && (
        <div className="template-preview">
          <div className="template-preview-head">
            <span className="strong">{t('template.preview')}</span>
            <span className="muted">{order
              ? t(isStocked(kind) ? 'template.previewOrder' : 'template.previewOrderOnly', { orderNo: order.orderNo })
              : t(isStocked(kind) ? 'template.previewSample' : 'template.previewSampleOrder')}</span>
          </div>
          <pre className="template-preview-text" data-testid="template-preview">{preview}</pre>
        </div>
      )}
    </div>
  );
}

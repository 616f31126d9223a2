/**
 * The delivery message template of a product: variables inserted at the cursor from chips, the
 * live diversion check (NO_DIVERSION, its spans highlighted), and a live preview rendered with the
 * core's own renderMessage — on a real waiting order of the product when there is one, always
 * with placeholder items, never real secrets.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, Input, type GetRef } from 'antd';
import type { DeliveryKind, Order, ProductTerms } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { toBeijingIso } from '../../../../shared/rules/classify';
import { DEFAULT_TEMPLATES, MESSAGE_VARIABLES, renderMessage, type MessageItem, type MessageOrder } from '../../../../shared/rules/message';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { isStocked } from '../stock';
import type { TemplateCheck, TemplateMark } from './useTemplateCheck';
import '../../ui/diversion-mark.css';
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

/** The template with each span the check found marked, red for a block, orange for a warning. */
function MarkedTemplate({ text, marks }: { text: string; marks: readonly TemplateMark[] }) {
  // Overlapping hits (加微信 and 微信 abc123) are marked as one stretch, as severe as the worst.
  const merged: TemplateMark[] = [];
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && m.start < last.end) merged[merged.length - 1] = { ...last, end: Math.max(last.end, m.end), severity: last.severity === 'block' || m.severity === 'block' ? 'block' : 'warn' };
    else merged.push(m);
  }
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(<mark key={m.start} className={`diversion-mark mark-${m.severity}`} data-testid="template-mark" data-severity={m.severity}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  parts.push(text.slice(at));
  return <pre className="template-marked" data-testid="template-marked">{parts}</pre>;
}

/** What the check found, with the template marked; nothing when the template is clean. */
function TemplateCheckPanel({ check }: { check: TemplateCheck }) {
  const { hit } = check;
  const box = useRef<HTMLDivElement>(null);
  const severity = hit?.severity;
  // The textarea sits low in the drawer at 1366×768: bring the reason into view when one appears.
  useEffect(() => {
    if (severity) box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [severity]);
  if (!hit) return null;
  const block = hit.severity === 'block';
  return (
    <div ref={box}>
      <Alert
        type={block ? 'error' : 'warning'}
        showIcon
        className="template-check"
        data-testid="template-check"
        data-severity={hit.severity}
        title={<strong>{t(block ? 'template.check.block' : 'template.check.warn')}</strong>}
        description={
          <div className="template-check-body">
            <div>{t(block ? 'template.check.blockHint' : 'template.check.warnHint')}</div>
            <div className="muted template-check-lead">{t('template.check.marked')}</div>
            <MarkedTemplate text={check.template} marks={check.marks} />
          </div>
        }
      />
    </div>
  );
}

export function MessageTemplateEditor({ value, onChange, kind, terms, order, fallbackOrder, check, refused }: {
  value?: string;
  onChange?: (v: string) => void;
  kind: DeliveryKind | null;
  /** The terms as edited now (validity, rental, items per unit) for the preview. */
  terms: ProductTerms;
  /** A waiting order of this product, or null: the preview then uses `fallbackOrder`. */
  order: Order | null;
  fallbackOrder: MessageOrder;
  /** The live NO_DIVERSION check of the text (useTemplateCheck). */
  check?: TemplateCheck;
  /** The core refused to save the template (TEMPLATE_DIVERSION): shown until the text changes. */
  refused?: AppErrorData | null;
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
        status={check?.hit?.severity === 'block' ? 'error' : check?.hit ? 'warning' : undefined}
        data-testid="template-text"
      />
      {refused && <Alert type="error" showIcon title={errorText(refused)} data-testid="template-refused" />}
      {check && <TemplateCheckPanel check={check} />}
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

/**
 * Pasting items copied from Excel over the checked orders: Ctrl+V over the grid (the paste
 * event's text, no clipboard permission needed) or the 粘贴卡密 dialog. Only orders that can take
 * content now are targets; a count that does not match asks first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { Product } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import type { CheckedRow } from '../../lib/useRowSelection';
import { itemsPerUnit, orderSkuKey } from '../products';
import { useShop } from '../shops';
import { isStocked } from '../stock';
import { parsePastedItems, planPaste, type PasteTarget } from './excel-paste';

/** A text field the merchant may be pasting into: there Ctrl+V is theirs, not the grid's. */
function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
}

export interface PasteItems {
  /** The dialog is open. */
  open: boolean;
  openDialog: () => void;
  closeDialog: () => void;
  busy: boolean;
  targets: PasteTarget[];
  /** Why some checked orders are left out. */
  skippedNotes: string[];
  apply: (text: string) => void;
}

export function usePasteItems({ active, checked, clearChecks, products, blocked }: {
  /** The orders screen is shown: only then is Ctrl+V ours. */
  active: boolean;
  checked: ReadonlyMap<string, CheckedRow>;
  clearChecks: () => void;
  products: ReadonlyMap<string, Product>;
  /** Something else is open or running: Ctrl+V is left alone. */
  blocked: boolean;
}): PasteItems {
  const { message, modal } = AntApp.useApp();
  const { shopId, changed } = useShop();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const paste = useMemo(() => {
    const targets: PasteTarget[] = [];
    let skipped = 0;
    let unready = 0;
    for (const { order: o } of [...checked.values()].sort((a, b) => a.index - b.index)) {
      // Only orders that can take content now; the others would fail the whole paste.
      if (!o.shippable || o.filled) {
        skipped++;
        continue;
      }
      const product = products.get(orderSkuKey(o));
      if (product && (!product.confirmed || !isStocked(product.kind))) {
        unready++;
        continue;
      }
      targets.push({ orderNo: o.orderNo, need: o.quantity * itemsPerUnit(product) });
    }
    return { targets, skipped, unready };
  }, [checked, products]);

  const apply = useCallback((text: string) => {
    const items = parsePastedItems(text);
    if (items.length === 0) {
      message.warning(t('paste.emptyClipboard'));
      return;
    }
    if (paste.targets.length === 0) {
      message.warning(paste.unready > 0 ? t('paste.unready', { count: paste.unready }) : t('paste.noTargets'));
      return;
    }
    const plan = planPaste(paste.targets, items);
    if (plan.entries.length === 0) {
      message.warning(t('paste.notEnough', { need: paste.targets[0].need, given: items.length }));
      return;
    }
    const send = async () => {
      setBusy(true);
      try {
        const r = await call('allocation.assignMany', { shopId, entries: plan.entries });
        message.success(t('paste.done', { orders: r.assigned, items: plan.entries.reduce((n, e) => n + e.items.length, 0) }));
        setOpen(false);
        clearChecks();
        changed();
      } catch (e) {
        modal.error({ title: t('paste.failed'), content: <div className="confirm-body" data-testid="paste-error">{errorText(errorData(e))}</div> });
      } finally {
        setBusy(false);
      }
    };
    const notes: string[] = [];
    if (paste.skipped > 0) notes.push(t('paste.skipped', { count: paste.skipped }));
    if (paste.unready > 0) notes.push(t('paste.unready', { count: paste.unready }));
    if (plan.given < plan.need) notes.push(t('paste.tooFew', { need: plan.need, given: plan.given, unfilled: plan.unfilled.length }));
    if (plan.given > plan.need) notes.push(t('paste.tooMany', { need: plan.need, given: plan.given, extra: plan.extra }));
    if (notes.length === 0) {
      void send();
      return;
    }
    modal.confirm({
      title: t('paste.mismatchTitle'),
      content: (
        <div className="confirm-body" data-testid="paste-mismatch">
          {notes.map((n) => <p key={n}>{n}</p>)}
          <p>{t('paste.willAssign', { orders: plan.entries.length })}</p>
        </div>
      ),
      okText: t('paste.continue'),
      cancelText: t('common.cancel'),
      onOk: send,
    });
  }, [paste, shopId, message, modal, clearChecks, changed]);

  // Ctrl+V over checked rows, read through refs so the listener stays put while rows change.
  const applyRef = useRef(apply);
  applyRef.current = apply;
  const blockedRef = useRef(false);
  blockedRef.current = open || blocked || busy || checked.size === 0;
  useEffect(() => {
    if (!active) return;
    const onPaste = (e: ClipboardEvent) => {
      if (blockedRef.current || isTextField(e.target) || isTextField(document.activeElement)) return;
      // An image (a screenshot) is evidence for the open order (features/evidence), not items.
      if (!e.clipboardData?.getData('text/plain') && Array.from(e.clipboardData?.items ?? []).some((i) => i.kind === 'file')) return;
      e.preventDefault();
      applyRef.current(e.clipboardData?.getData('text/plain') ?? '');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [active]);

  const skippedNotes = [
    ...(paste.skipped ? [t('paste.skipped', { count: paste.skipped })] : []),
    ...(paste.unready ? [t('paste.unready', { count: paste.unready })] : []),
  ];
  return {
    open, openDialog: () => setOpen(true), closeDialog: () => setOpen(false), busy,
    targets: paste.targets, skippedNotes, apply,
  };
}

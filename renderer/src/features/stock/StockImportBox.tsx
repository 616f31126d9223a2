/**
 * Where stock comes in for one product: a file dropped anywhere on the window (or picked), or
 * text pasted into a dialog; with the separator (auto-detected unless chosen) and an optional
 * expiry for the whole batch.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, DatePicker, Input, Modal, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { FolderOpenOutlined, FormOutlined, InboxOutlined } from '@ant-design/icons';
import type { DeliveryKind } from '../../../../shared/domain';
import { stockShape, type StockShape } from '../../../../shared/rules/stock-shape';
import { STOCK_SEPARATORS, STOCK_SEP_WORDS, type StockSepChoice } from '../../../../shared/rules/stock-separators';
import { t, type MessageKey } from '../../i18n';
import './stock.css';
import { HiddenFileInput } from '../../ui/HiddenFileInput';
import { pressable } from '../../lib/pressable';

export type { StockSepChoice };
// 'auto' first, then the separators in the core's detection order.
const SEPS = (['auto', ...STOCK_SEPARATORS] as const).map((value) => ({ value, label: `stockImport.sep.${STOCK_SEP_WORDS[value]}` as MessageKey }));

export interface StockImportOptions {
  sep: StockSepChoice;
  /** YYYY-MM-DD or ''. */
  expiresAt: string;
}

/** The accepted line format, by the shape of the product's items. */
const FORMAT_HINT: Record<StockShape, MessageKey> = {
  card: 'stockImport.formatCard',
  code: 'stockImport.formatCode',
  account: 'stockImport.formatAccount',
};

/** Files the stock reader accepts: plain text, CSV, Excel. */
export const STOCK_ACCEPT = '.txt,.csv,.xlsx';

/** Where typing goes: a paste there is the field's, not an import. */
function isTextField(el: EventTarget | Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type));
}

/** An open dialog or drawer owns the keyboard: a paste then is not for the page behind it. */
function overlayOpen(): boolean {
  return Array.from(document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-drawer-open, .ant-image-preview-wrap'))
    .some((el) => getComputedStyle(el).display !== 'none');
}

export function StockImportBox({ kind, importing, options, onOptions, onFile, onText }: {
  kind: DeliveryKind | null;
  importing: boolean;
  options: StockImportOptions;
  onOptions: (o: StockImportOptions) => void;
  onFile: (file: File) => void;
  onText: (text: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [text, setText] = useState('');
  // No kind yet (or one without stock) reads as codes, the plainest format.
  const format = FORMAT_HINT[stockShape(kind) ?? 'code'];
  const box = useRef<HTMLDivElement>(null);
  // Ctrl+V anywhere on the stock page (not in a field, no dialog open) opens the paste dialog with
  // the clipboard's text in it: the same preview and 导入 as pasting into the dialog. Only while this
  // page is shown: the products screen stays mounted (hidden) behind the orders screen.
  const blocked = useRef(false);
  blocked.current = importing || pasteOpen;
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (blocked.current || e.defaultPrevented) return;
      if (!box.current || box.current.offsetParent === null) return;
      if (isTextField(e.target) || isTextField(document.activeElement) || overlayOpen()) return;
      const pasted = e.clipboardData?.getData('text/plain') ?? '';
      if (pasted.trim() === '') return;
      e.preventDefault();
      setText(pasted);
      setPasteOpen(true);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
  return (
    <div className="stock-import" data-testid="stock-import" ref={box}>
      <div
        className="stock-drop"
        {...pressable(() => input.current?.click())}
        data-testid="stock-drop"
      >
        {importing ? <Spin /> : <InboxOutlined className="stock-drop-icon" />}
        <div className="stock-drop-text">
          <div className="strong">{importing ? t('stockImport.importing') : t('stockImport.drop')}</div>
          <div className="muted">{t(format)}</div>
          <div className="muted stock-paste-hint">{t('stockImport.pasteHint')}</div>
        </div>
      </div>
      <div className="stock-import-options">
        <label className="field-inline">
          <span>{t('stockImport.sep')}</span>
          <Select<StockSepChoice>
            value={options.sep}
            onChange={(sep) => onOptions({ ...options, sep })}
            options={SEPS.map((s) => ({ value: s.value, label: t(s.label) }))}
            style={{ width: 124 }}
            data-testid="stock-sep"
          />
        </label>
        <label className="field-inline">
          <span>{t('stockImport.expires')}</span>
          <span data-testid="stock-expires">
            <DatePicker
              value={options.expiresAt ? dayjs(options.expiresAt) : null}
              onChange={(d) => onOptions({ ...options, expiresAt: d ? d.format('YYYY-MM-DD') : '' })}
              format="YYYY-MM-DD"
              placeholder={t('stockImport.expiresPlaceholder')}
              style={{ width: 150 }}
              allowClear
            />
          </span>
        </label>
        <div className="stock-import-buttons">
          <Button icon={<FolderOpenOutlined />} onClick={() => input.current?.click()} disabled={importing} data-testid="stock-pick">{t('stockImport.pick')}</Button>
          <Button icon={<FormOutlined />} onClick={() => setPasteOpen(true)} disabled={importing} data-testid="stock-paste-open">{t('stockImport.paste')}</Button>
        </div>
      </div>
      <HiddenFileInput inputRef={input} accept={STOCK_ACCEPT} testId="stock-input" onFiles={([file]) => onFile(file)} />
      <Modal
        open={pasteOpen}
        title={t('stockImport.pasteTitle')}
        onCancel={() => setPasteOpen(false)}
        onOk={() => {
          setPasteOpen(false);
          onText(text);
          setText('');
        }}
        okText={t('stockImport.pasteOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: text.trim() === '' }}
        width={640}
        destroyOnHidden
      >
        <div className="muted paste-howto">{t(format)}</div>
        <Input.TextArea
          autoFocus
          rows={12}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="mono"
          spellCheck={false}
          placeholder={t('stockImport.pastePlaceholder')}
          data-testid="stock-paste-text"
        />
      </Modal>
    </div>
  );
}

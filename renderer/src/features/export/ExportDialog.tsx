/**
 * 生成发货文件: the shipment file for 批量发货 → 无物流单条导入. Before anything is written it shows
 * what will go out (export.preview: ready orders, items, rows, file parts, the orders left out by
 * reason) for the merchant's choices — narrowed by product, by the grid's checked orders, by
 * ship-by window; xlsx or csv; rows per file (remembered); the template profile — and a preview of
 * the first rows. Checked orders already exported go again only when the merchant asks and says
 * why (recorded). 生成 writes the files (export.run); then each file can be saved.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Input, InputNumber, Modal, Radio, Select, Spin } from 'antd';
import { CheckCircleFilled, ExportOutlined } from '@ant-design/icons';
import type { ExportNarrowing, ExportPreview, ExportRecord, LeftOutCode, ShipState } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { CopyErrorInfo } from '../../ui/CopyErrorInfo';
import { useShop } from '../shops';
import { ExportCounts } from './ExportCounts';
import { ExportFilesList } from './ExportFilesList';
import { ExportPreviewTable } from './ExportPreviewTable';
import { TemplateSection } from './TemplateSection';
import { exportRequest, useExportPreview, type ExportChoice } from './useExportPreview';
import './export.css';

const HOUR = 3_600_000;
const DEFAULT_DUE_HOURS = 6;
const MAX_ROWS_LIMIT = 1_000_000;
const MIN_REASON = 2;
/** States an order may be exported again from (still waiting at the backend). */
const AGAIN: readonly (ShipState | null)[] = ['exported', 'attention'];

/** A checked row of the grid: its order number and where it stands. */
export interface CheckedOrder {
  orderNo: string;
  shipState: ShipState | null;
}

export interface ExportDialogProps {
  open: boolean;
  /** The grid's checked orders, in grid order ([] when none are checked). */
  checked: readonly CheckedOrder[];
  /** Opened with 导出所选: narrowed to the checked orders at first. */
  onlyChecked: boolean;
  onClose: () => void;
  /** 查看 on a reason: the grid filtered to those orders (the dialog closes first). */
  onShowLeftOut: (code: LeftOutCode) => void;
}

export function ExportDialog({ open, checked, onlyChecked, onClose, onShowLeftOut }: ExportDialogProps) {
  return (
    <Modal
      open={open}
      title={<span className="export-title"><ExportOutlined />{t('export.dialog.title')}</span>}
      onCancel={onClose}
      footer={null}
      width={1060}
      centered
      destroyOnHidden
      maskClosable={false}
      className="export-dialog"
    >
      {open && (
        <div data-testid="export-dialog">
          <DialogBody checked={checked} onlyChecked={onlyChecked} onClose={onClose} onShowLeftOut={onShowLeftOut} />
        </div>
      )}
    </Modal>
  );
}

function DialogBody({ checked, onlyChecked, onClose, onShowLeftOut }: Omit<ExportDialogProps, 'open'>) {
  const { message } = App.useApp();
  const { shopId, now, changed } = useShop();
  const [useChecked, setUseChecked] = useState(onlyChecked && checked.length > 0);
  const [skuKeys, setSkuKeys] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState(false);
  const [dueHours, setDueHours] = useState(DEFAULT_DUE_HOURS);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [maxRows, setMaxRows] = useState<number | null>(null);
  const [savedMaxRows, setSavedMaxRows] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportRecord | null>(null);
  const [againOn, setAgainOn] = useState(false);
  const [reason, setReason] = useState('');
  const checkedNos = useMemo(() => checked.map((o) => o.orderNo), [checked]);
  // Checked orders already in a file: they go again only with 重新导出 and a reason.
  const againNos = useMemo(() => checked.filter((o) => AGAIN.includes(o.shipState)).map((o) => o.orderNo), [checked]);
  const reexport = useChecked && againOn && againNos.length > 0 && reason.trim().length >= MIN_REASON
    ? { orderNos: againNos, reason: reason.trim() }
    : undefined;

  useEffect(() => {
    let live = true;
    call('shops.getSettings', undefined).then(
      (s) => {
        if (!live) return;
        setMaxRows(s.exportMaxRows);
        setSavedMaxRows(s.exportMaxRows);
      },
      (e: unknown) => message.error(errorText(errorData(e))),
    );
    return () => {
      live = false;
    };
  }, [message]);

  const narrow = useMemo<ExportNarrowing>(() => ({
    orderNos: useChecked && checkedNos.length ? checkedNos : undefined,
    skuKeys: skuKeys.length ? skuKeys : undefined,
    shipByBefore: dueOn ? new Date(now + dueHours * HOUR).toISOString() : undefined,
  }), [useChecked, checkedNos, skuKeys, dueOn, dueHours, now]);
  const choice: ExportChoice = useMemo(() => ({ narrow, format, maxRows }), [narrow, format, maxRows]);
  const { preview, error, loading, pending, reload } = useExportPreview(shopId, result === null, choice);
  const products = useProductOptions(preview);

  const run = async () => {
    setRunning(true);
    try {
      if (maxRows !== null && maxRows !== savedMaxRows) {
        await call('shops.setSettings', { exportMaxRows: maxRows });
        setSavedMaxRows(maxRows);
      }
      const rec = await call('export.run', { ...exportRequest(shopId, choice), ...(reexport ? { reexport } : {}) });
      setResult(rec);
      // Orders became 已导出: the grid, the counts and the history reload.
      changed();
    } catch (e) {
      message.error(errorText(errorData(e)));
      reload();
    } finally {
      setRunning(false);
    }
  };

  if (result) return <ExportDone record={result} onClose={onClose} />;

  const again = reexport ? reexport.orderNos.length : 0;
  const ready = (preview?.ready ?? 0) + again;
  return (
    <div className="export-body">
      <div className="export-columns">
        <div className="export-options">
          <section className="export-section" data-testid="export-narrow">
            <div className="export-section-head"><span className="strong">{t('export.narrow.title')}</span></div>
            {checked.length > 0 && (
              <Checkbox checked={useChecked} onChange={(e) => setUseChecked(e.target.checked)} data-testid="export-only-checked">
                {t('export.narrow.checked', { count: checked.length })}
              </Checkbox>
            )}
            {useChecked && againNos.length > 0 && (
              <div className="export-again" data-testid="export-again">
                <Checkbox checked={againOn} onChange={(e) => setAgainOn(e.target.checked)} data-testid="export-again-on">
                  {t('export.again.label', { count: againNos.length })}
                </Checkbox>
                {againOn && (
                  <Input.TextArea
                    rows={2}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    maxLength={500}
                    placeholder={t('export.again.placeholder')}
                    status={reason.trim().length >= MIN_REASON ? undefined : 'warning'}
                    data-testid="export-again-reason"
                  />
                )}
                <div className="export-note-muted">{t('export.again.hint')}</div>
              </div>
            )}
            <label className="export-field">
              <span className="export-field-label">{t('export.narrow.products')}</span>
              <Select<string[]>
                mode="multiple"
                allowClear
                value={skuKeys}
                onChange={setSkuKeys}
                options={products}
                placeholder={t('export.narrow.allProducts')}
                maxTagCount="responsive"
                optionFilterProp="label"
                style={{ width: '100%' }}
                data-testid="export-products"
              />
            </label>
            <div className="export-due">
              <Checkbox checked={dueOn} onChange={(e) => setDueOn(e.target.checked)} data-testid="export-due-on">
                {t('export.narrow.dueBefore')}
              </Checkbox>
              <InputNumber<number>
                size="small"
                min={1}
                max={24 * 30}
                value={dueHours}
                onChange={(v) => setDueHours(v ?? DEFAULT_DUE_HOURS)}
                disabled={!dueOn}
                style={{ width: 64 }}
                data-testid="export-due-hours"
              />
              <span>{t('export.narrow.dueAfter')}</span>
            </div>
          </section>
          <section className="export-section" data-testid="export-format">
            <div className="export-section-head"><span className="strong">{t('export.file.title')}</span></div>
            <div className="export-field-row">
              <span className="export-field-label">{t('export.file.format')}</span>
              <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')} optionType="button" size="small" data-testid="export-format-choice">
                <Radio value="xlsx">{t('export.file.xlsx')}</Radio>
                <Radio value="csv">{t('export.file.csv')}</Radio>
              </Radio.Group>
            </div>
            {format === 'csv' && <div className="export-note" data-testid="export-csv-note">{t('export.file.csvNote')}</div>}
            <div className="export-field-row">
              <span className="export-field-label">{t('export.file.maxRows')}</span>
              <InputNumber<number>
                size="small"
                min={1}
                max={MAX_ROWS_LIMIT}
                value={maxRows}
                onChange={(v) => v !== null && setMaxRows(v)}
                style={{ width: 110 }}
                data-testid="export-max-rows"
              />
              <span className="muted">{t('export.file.maxRowsUnit')}</span>
            </div>
            <div className="export-note-muted">{t('export.file.maxRowsHint')}</div>
          </section>
          <section className="export-section">
            <div className="export-section-head"><span className="strong">{t('export.template.title')}</span></div>
            <TemplateSection template={preview?.template ?? null} onChanged={reload} />
          </section>
        </div>
        <div className="export-outcome">
          {error && <Alert type="error" showIcon title={errorText(error)} description={<CopyErrorInfo error={error} />} action={<Button size="small" onClick={reload}>{t('common.retry')}</Button>} />}
          {!preview && !error && <div className="export-loading"><Spin description={t('export.dialog.counting')} /></div>}
          {preview && (
            <Spin spinning={loading} delay={200}>
              <ExportCounts
                preview={preview}
                again={again}
                onShowLeftOut={(code) => {
                  onClose();
                  onShowLeftOut(code);
                }}
              />
              <ExportPreviewTable header={preview.header} sample={preview.sample} rows={preview.rows} />
            </Spin>
          )}
        </div>
      </div>
      <div className="export-foot">
        <span className="muted export-foot-hint">{t('export.dialog.runHint')}</span>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          icon={<ExportOutlined />}
          loading={running}
          disabled={!preview || pending || ready === 0 || (againOn && useChecked && againNos.length > 0 && !reexport)}
          onClick={() => void run()}
          data-testid="export-run"
        >
          {ready > 0 ? t('export.dialog.run', { count: ready }) : t('export.dialog.runNone')}
        </Button>
      </div>
    </div>
  );
}

/**
 * The products to narrow by: every product a preview has shown with ready orders, so choosing
 * one does not make the others disappear from the list; each with its current count.
 */
function useProductOptions(preview: ExportPreview | null) {
  const [known, setKnown] = useState<Map<string, { label: string; ready: number }>>(() => new Map());
  const [seen, setSeen] = useState<ExportPreview | null>(null);
  if (preview && preview !== seen) {
    setSeen(preview);
    const next = new Map(known);
    for (const p of preview.byProduct) next.set(p.skuKey, { label: [p.title, p.spec].filter(Boolean).join(' '), ready: p.ready });
    setKnown(next);
  }
  return useMemo(
    () => [...known].map(([skuKey, p]) => ({ value: skuKey, label: t('export.narrow.productOption', { name: p.label, count: p.ready }) })),
    [known],
  );
}

/** After 生成: the files written (each to save), what was left out, and the next step at the backend. */
function ExportDone({ record, onClose }: { record: ExportRecord; onClose: () => void }) {
  const shipment = record.files.filter((f) => f.kind === 'shipment').length;
  return (
    <div className="export-body export-done" data-testid="export-done">
      <div className="export-done-head">
        <CheckCircleFilled className="export-done-icon" />
        <div>
          <div className="export-done-title" data-testid="export-done-title">
            {t('export.done.title', { orders: record.orders, items: record.items, files: shipment })}
          </div>
          <div className="muted">{t('export.done.marked')}</div>
        </div>
      </div>
      <div className="export-done-scroll">
        <ExportFilesList files={record.files} />
        {record.leftOut > 0 && (
          <Alert type="info" showIcon className="export-done-left-out" title={t('export.done.leftOut', { count: record.leftOut })} data-testid="export-done-left-out" />
        )}
        <ol className="export-next">
          <li>{t('export.done.step1')}</li>
          <li>{t('export.done.step2')}</li>
          <li>{t('export.done.step3')}</li>
        </ol>
      </div>
      <div className="export-foot">
        <span className="toolbar-spacer" />
        <Button type="primary" onClick={onClose} data-testid="export-done-close">{t('export.done.close')}</Button>
      </div>
    </div>
  );
}

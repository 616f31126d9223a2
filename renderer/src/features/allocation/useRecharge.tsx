/**
 * Top-ups (直充) in bulk: 批量标记已充值 over the checked top-up orders (one confirm, an optional
 * supplier reference), and 导入供应商结果 — the supplier's result file (订单号, 供应商单号, 状态)
 * dropped or chosen, read and shown (what will be marked, which rows will not and why), then marked.
 */
import { useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Input, Modal, Spin, Table, type ButtonProps } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { Product, RechargedManyResult, RechargeRefusal, SupplierPreview } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { toFilePayloads } from '../../lib/files/payload';
import type { CheckedRow } from '../../lib/useRowSelection';
import { HiddenFileInput } from '../../ui/HiddenFileInput';
import { orderSkuKey } from '../products';
import { useShop } from '../shops';
import './allocation.css';

const SUPPLIER_ACCEPT = '.csv,.xlsx,.zip';
const SAMPLE = 5;

export interface Recharge {
  /** Checked orders of a confirmed 直充 product (the action shows when there are any). */
  checkedRecharge: number;
  openBatch: () => void;
  openFile: () => void;
  busy: boolean;
  dialogs: ReactNode;
}

/** The refusals by reason, most first: 「找不到该订单 3 个」. */
function refusalLines(list: { reason: RechargeRefusal }[]): string[] {
  const by = new Map<RechargeRefusal, number>();
  for (const r of list) by.set(r.reason, (by.get(r.reason) ?? 0) + 1);
  return [...by.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => t('recharge.refusedCount', { reason: t(`recharge.reason.${reason}`), count }));
}

export function useRecharge({ checked, products, clearChecks }: {
  checked: ReadonlyMap<string, CheckedRow>;
  products: ReadonlyMap<string, Product>;
  clearChecks: () => void;
}): Recharge {
  const { message, modal } = AntApp.useApp();
  const { shopId, changed } = useShop();
  const [batch, setBatch] = useState(false);
  const [ref, setRef] = useState('');
  const [busy, setBusy] = useState(false);
  const [fileOpen, setFileOpen] = useState(false);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<SupplierPreview | null>(null);
  const [fileError, setFileError] = useState<AppErrorData | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const { recharge, targets } = useMemo(() => {
    const recharge: string[] = [];
    const targets: string[] = [];
    for (const { order: o } of [...checked.values()].sort((a, b) => a.index - b.index)) {
      const p = products.get(o.skuKey || orderSkuKey(o));
      if (!p?.confirmed || p.kind !== 'recharge') continue;
      recharge.push(o.orderNo);
      if (o.shippable && !o.filled) targets.push(o.orderNo);
    }
    return { recharge, targets };
  }, [checked, products]);

  /** Says what was marked; the orders left as they were, by reason, in a dialog. */
  const report = (r: RechargedManyResult) => {
    if (r.marked > 0) message.success(t('recharge.marked', { count: r.marked }));
    if (r.notMarked.length > 0) {
      modal.warning({
        title: t('recharge.notMarkedTitle', { count: r.notMarked.length }),
        content: (
          <div className="confirm-body" data-testid="recharge-not-marked">
            {refusalLines(r.notMarked).map((l) => <div key={l}>{l}</div>)}
            <div className="muted mono recharge-sample">{r.notMarked.slice(0, SAMPLE).map((x) => x.orderNo).join(t('terms.listSep'))}{r.notMarked.length > SAMPLE ? t('fill.etc') : ''}</div>
          </div>
        ),
        okText: t('common.ok'),
      });
    }
    changed();
  };

  const markChecked = async () => {
    if (targets.length === 0) return;
    setBusy(true);
    try {
      const r = await call('allocation.rechargedMany', { shopId, entries: targets.map((orderNo) => ({ orderNo, ref: ref.trim() || undefined })) });
      setBatch(false);
      setRef('');
      clearChecks();
      report(r);
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    if (files.length > 1) message.info(t('recharge.oneFile'));
    setReading(true);
    setFileError(null);
    setPreview(null);
    try {
      const [payload] = await toFilePayloads([file]);
      setPreview(await call('allocation.supplierPreview', { shopId, file: payload }));
    } catch (e) {
      setFileError(errorData(e));
    } finally {
      setReading(false);
    }
  };

  const applyFile = async () => {
    if (!preview || preview.toMark.length === 0) return;
    setBusy(true);
    try {
      const r = await call('allocation.rechargedMany', { shopId, entries: preview.toMark.map(({ orderNo, ref: supplierRef }) => ({ orderNo, ref: supplierRef || undefined })) });
      closeFile();
      report(r);
    } catch (e) {
      setFileError(errorData(e));
    } finally {
      setBusy(false);
    }
  };

  const closeFile = () => {
    setFileOpen(false);
    setPreview(null);
    setFileError(null);
  };

  // The drop box takes the files itself: the window's drop (an order import) never sees them.
  const dropProps = {
    onDragEnter: (e: DragEvent) => { e.preventDefault(); e.stopPropagation(); setOver(true); },
    onDragOver: (e: DragEvent) => { e.preventDefault(); e.stopPropagation(); e.dataTransfer.dropEffect = 'copy'; },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation();
      setOver(false);
      void readFile(Array.from(e.dataTransfer.files));
    },
  };

  const leftOut = checked.size - targets.length;
  const dialogs = (
    <>
      <Modal
        open={batch}
        title={t('recharge.batchTitle', { count: targets.length })}
        onCancel={() => setBatch(false)}
        okText={t('recharge.markOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: targets.length === 0, loading: busy, 'data-testid': 'recharge-batch-ok' } as ButtonProps}
        onOk={() => void markChecked()}
        destroyOnHidden
      >
        <div className="confirm-body" data-testid="recharge-batch">
          <p>{t('recharge.batchBody')}</p>
          <div className="muted mono recharge-sample">{targets.slice(0, SAMPLE).join(t('terms.listSep'))}{targets.length > SAMPLE ? t('fill.etc') : ''}</div>
          {leftOut > 0 && <Alert type="info" showIcon className="recharge-left-out" title={t('recharge.batchLeftOut', { count: leftOut })} data-testid="recharge-batch-left-out" />}
          <div className="recharge-ref">
            <div className="muted">{t('recharge.refLabel')}</div>
            <Input
              value={ref}
              onChange={(e) => setRef(e.target.value)}
              maxLength={200}
              placeholder={t('content.refPlaceholder')}
              onPressEnter={() => void markChecked()}
              autoFocus
              data-testid="recharge-batch-ref"
            />
          </div>
        </div>
      </Modal>
      <Modal
        open={fileOpen}
        title={t('recharge.fileTitle')}
        onCancel={closeFile}
        width={680}
        destroyOnHidden
        footer={[
          preview && <Button key="other" onClick={() => input.current?.click()} disabled={busy}>{t('recharge.pickOther')}</Button>,
          <Button key="cancel" onClick={closeFile}>{t('common.cancel')}</Button>,
          <Button key="ok" type="primary" disabled={!preview || preview.toMark.length === 0} loading={busy} onClick={() => void applyFile()} data-testid="recharge-file-ok">
            {t('recharge.applyOk', { count: preview?.toMark.length ?? 0 })}
          </Button>,
        ]}
      >
        <div data-testid="recharge-file">
          {!preview && (
            <div className={`recharge-drop${over ? ' over' : ''}`} role="button" tabIndex={0} onClick={() => input.current?.click()} data-testid="recharge-drop" {...dropProps}>
              {reading ? <Spin /> : <InboxOutlined className="recharge-drop-icon" />}
              <div className="strong">{t(reading ? 'recharge.fileReading' : 'recharge.fileDrop')}</div>
              <div className="muted">{t('recharge.fileHint')}</div>
            </div>
          )}
          {fileError && <Alert type="error" showIcon className="recharge-error" title={errorText(fileError)} data-testid="recharge-file-error" />}
          {preview && (
            <div data-testid="recharge-preview" {...dropProps}>
              <div className="muted">{t('recharge.previewLead', { file: preview.file, rows: preview.rows })}</div>
              <div className="recharge-preview-figures">
                <span className="strong" data-testid="recharge-preview-mark">{t('recharge.previewMark', { count: preview.toMark.length })}</span>
                {preview.refused.length > 0 && <span className="text-warning" data-testid="recharge-preview-refused">{t('recharge.previewRefused', { count: preview.refused.length })}</span>}
              </div>
              {preview.refused.length > 0 && (
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(r) => `${r.row}`}
                  scroll={{ y: 200 }}
                  dataSource={preview.refused}
                  columns={[
                    { key: 'row', dataIndex: 'row', title: t('recharge.colRow'), width: 90, render: (v: number) => t('recharge.rowNo', { row: v }) },
                    { key: 'orderNo', dataIndex: 'orderNo', title: t('col.orderNo'), width: 220, render: (v: string) => <span className="mono selectable">{v}</span> },
                    {
                      key: 'reason', title: t('recharge.colReason'),
                      render: (_: unknown, r: SupplierPreview['refused'][number]) => (
                        <span>{t(`recharge.reason.${r.reason}`)}{r.status && r.status !== '失败' ? t('recharge.statusSuffix', { status: r.status }) : ''}</span>
                      ),
                    },
                  ]}
                />
              )}
            </div>
          )}
        </div>
        <HiddenFileInput inputRef={input} accept={SUPPLIER_ACCEPT} testId="recharge-file-input" onFiles={(f) => void readFile(f)} />
      </Modal>
    </>
  );

  return {
    checkedRecharge: recharge.length,
    openBatch: () => setBatch(true),
    openFile: () => { setFileOpen(true); setPreview(null); setFileError(null); },
    busy: busy || reading,
    dialogs,
  };
}

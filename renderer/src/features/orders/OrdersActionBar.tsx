/**
 * Commands over the orders: 自动填充 and its undo, paste over checked rows, 批量标记已充值 (when
 * checked rows include top-ups) and 导入供应商结果, export of messages, and 生成发货文件 (the
 * shipment file; 导出所选 with checked rows). When the grid shows one export's orders (from
 * 发货记录), a closable tag says so.
 */
import { useState } from 'react';
import { Button, Divider, Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, ExportOutlined, FileDoneOutlined, SnippetsOutlined, ThunderboltOutlined, UndoOutlined } from '@ant-design/icons';
import { t } from '../../i18n';
import './orders.css';

export type OrdersAction = 'fill' | 'undo' | 'paste' | 'export' | 'shipFile' | 'shipFileChecked' | 'recharged' | 'supplierFile';

export function OrdersActionBar({ busy, checkedCount, checkedRecharge = 0, ready, exportId, onClearExport, onAction, onClearChecks }: {
  /** The action running now, if any. */
  busy: OrdersAction | null;
  checkedCount: number;
  /** Checked orders of a 直充 product: 批量标记已充值 shows when there are any. */
  checkedRecharge?: number;
  /** Orders ready for the shipment file (null: not known yet). */
  ready: number | null;
  /** The grid shows only this export's orders; the tag's × lets it go. */
  exportId?: number;
  onClearExport: () => void;
  onAction: (a: OrdersAction) => void;
  onClearChecks: () => void;
}) {
  // The 自动填充 tip is closed by the click and stays closed: the summary dialog covers the button,
  // so the mouse never "leaves" it, and on close the dialog would hand focus back to it.
  const [fillTip, setFillTip] = useState(false);
  return (
    <div className="orders-actions">
      <Tooltip title={t('fill.runTip')} placement="bottomLeft" trigger="hover" open={fillTip && busy === null} onOpenChange={setFillTip}>
        <Button
          type="primary" icon={<ThunderboltOutlined />} loading={busy === 'fill'} disabled={busy !== null && busy !== 'fill'}
          onClick={(e) => { setFillTip(false); e.currentTarget.blur(); onAction('fill'); }}
          data-testid="fill-run"
        >
          {t('fill.run')}
        </Button>
      </Tooltip>
      <Button icon={<UndoOutlined />} loading={busy === 'undo'} disabled={busy !== null && busy !== 'undo'} onClick={() => onAction('undo')} data-testid="fill-undo">
        {t('fill.undo')}
      </Button>
      <Divider orientation="vertical" />
      <Tooltip title={checkedCount ? t('paste.buttonTip') : t('paste.needChecks')}>
        <Button icon={<SnippetsOutlined />} disabled={checkedCount === 0 || busy !== null} onClick={() => onAction('paste')} data-testid="paste-open">
          {t('paste.button')}
        </Button>
      </Tooltip>
      {checkedRecharge > 0 && (
        <Tooltip title={t('recharge.batchTip')}>
          <Button icon={<CheckCircleOutlined />} disabled={busy !== null} onClick={() => onAction('recharged')} data-testid="recharge-batch-open">
            {t('recharge.batch')}<span className="action-count">{checkedRecharge}</span>
          </Button>
        </Tooltip>
      )}
      <Tooltip title={t('recharge.fileTip')}>
        <Button icon={<FileDoneOutlined />} disabled={busy !== null} onClick={() => onAction('supplierFile')} data-testid="recharge-file-open">
          {t('recharge.file')}
        </Button>
      </Tooltip>
      <Button icon={<DownloadOutlined />} loading={busy === 'export'} disabled={busy !== null && busy !== 'export'} onClick={() => onAction('export')} data-testid="export-messages">
        {t('messages.export')}
      </Button>
      <Divider orientation="vertical" />
      <Tooltip title={t('export.open.tip')}>
        <Button type="primary" icon={<ExportOutlined />} disabled={busy !== null} onClick={() => onAction('shipFile')} data-testid="export-open">
          {t('export.open.button')}
          {ready !== null && ready > 0 && <span className="action-count" data-testid="export-open-ready">{ready}</span>}
        </Button>
      </Tooltip>
      <span className="toolbar-spacer" />
      {exportId !== undefined && (
        <Tag color="blue" closable onClose={onClearExport} className="orders-export-tag" data-testid="export-filter">
          {t('filter.exportOnly', { id: exportId })}
        </Tag>
      )}
      {checkedCount > 0 ? (
        <span className="checked-info" data-testid="checked-info">
          {/* The Ctrl+V hint goes into a tip once the bar also holds 批量标记已充值: the bar stays one line at 1366 px. */}
          <Tooltip title={checkedRecharge > 0 ? t('grid.pasteHint') : undefined}>
            <span className="checked-count">{t('grid.checkedCount', { count: checkedCount })}</span>
          </Tooltip>
          {checkedRecharge === 0 && <span className="muted">{t('grid.pasteHint')}</span>}
          <Button size="small" icon={<ExportOutlined />} disabled={busy !== null} onClick={() => onAction('shipFileChecked')} data-testid="export-open-checked">
            {t('export.open.checked')}
          </Button>
          <Button type="link" size="small" onClick={onClearChecks}>{t('grid.clearChecks')}</Button>
        </span>
      ) : (
        <span className="muted orders-check-hint">{t('grid.checkHint')}</span>
      )}
    </div>
  );
}

/** Commands over the orders: 自动填充 and its undo, paste over checked rows, export of messages. */
import { Button, Divider, Tooltip } from 'antd';
import { DownloadOutlined, SnippetsOutlined, ThunderboltOutlined, UndoOutlined } from '@ant-design/icons';
import { t } from '../../i18n';
import './orders.css';

export type OrdersAction = 'fill' | 'undo' | 'paste' | 'export';

export function OrdersActionBar({ busy, checkedCount, onAction, onClearChecks }: {
  /** The action running now, if any. */
  busy: OrdersAction | null;
  checkedCount: number;
  onAction: (a: OrdersAction) => void;
  onClearChecks: () => void;
}) {
  return (
    <div className="orders-actions">
      <Tooltip title={t('fill.runTip')} placement="bottomLeft">
        <Button type="primary" icon={<ThunderboltOutlined />} loading={busy === 'fill'} disabled={busy !== null && busy !== 'fill'} onClick={() => onAction('fill')} data-testid="fill-run">
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
      <Button icon={<DownloadOutlined />} loading={busy === 'export'} disabled={busy !== null && busy !== 'export'} onClick={() => onAction('export')} data-testid="export-messages">
        {t('messages.export')}
      </Button>
      <span className="toolbar-spacer" />
      {checkedCount > 0 ? (
        <span className="checked-info" data-testid="checked-info">
          <span>{t('grid.checkedCount', { count: checkedCount })}</span>
          <span className="muted">{t('grid.pasteHint')}</span>
          <Button type="link" size="small" onClick={onClearChecks}>{t('grid.clearChecks')}</Button>
        </span>
      ) : (
        <span className="muted">{t('grid.checkHint')}</span>
      )}
    </div>
  );
}

/** 列设置: the icon at the header's right end; check boxes show or hide columns, 恢复默认 shows all. */
import { useState } from 'react';
import { Button, Checkbox, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { t } from '../../i18n';
import { COLUMNS, FIXED_COLUMNS } from './grid-columns';
import type { GridColumns } from './useGridColumns';

export function ColumnChooser({ columns }: { columns: GridColumns }) {
  const [open, setOpen] = useState(false);
  const content = (
    <div className="column-chooser" data-testid="column-chooser">
      {COLUMNS.filter((c) => c.id !== 'check').map((c) => (
        <Checkbox
          key={c.id}
          checked={FIXED_COLUMNS.has(c.id) || !columns.hidden.has(c.id)}
          disabled={FIXED_COLUMNS.has(c.id)}
          onChange={(e) => columns.setShown(c.id, e.target.checked)}
          data-testid={`column-toggle-${c.id}`}
        >
          {t(c.title)}
        </Checkbox>
      ))}
      <div className="column-chooser-foot">
        <Button size="small" type="link" disabled={columns.hidden.size === 0} onClick={columns.reset} data-testid="columns-reset">
          {t('grid.columns.reset')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover content={content} title={t('grid.columns.title')} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <button
        type="button"
        className="cell-icon-btn column-chooser-btn"
        title={t('grid.columns.title')}
        aria-label={t('grid.columns.title')}
        data-testid="columns-open"
        onClick={(e) => e.stopPropagation()}
      >
        <SettingOutlined />
      </button>
    </Popover>
  );
}

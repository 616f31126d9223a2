/** The sticky header row of the orders grid: sort by a column, uncheck all rows, and 列设置 at its right end. */
import { memo } from 'react';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { OrderSortKey } from '../../../../shared/domain';
import { t } from '../../i18n';
import { cellClass, HEADER_HEIGHT } from './grid-columns';
import { ColumnChooser } from './ColumnChooser';
import type { GridColumns } from './useGridColumns';

export const OrdersGridHeader = memo(function OrdersGridHeader({ sort, desc, onSort, anyChecked, onClearChecks, columns }: {
  sort: OrderSortKey;
  desc: boolean;
  onSort: (sort: OrderSortKey) => void;
  anyChecked: boolean;
  onClearChecks: () => void;
  columns: GridColumns;
}) {
  const { layout } = columns;
  const lastId = layout.columns[layout.columns.length - 1]?.id;
  return (
    <div className="grid-header" role="row" style={{ gridTemplateColumns: layout.template, height: HEADER_HEIGHT }}>
      {layout.columns.map((c) => {
        if (c.id === 'check') {
          // Unchecks everything (Ctrl+A checks every order of the filter).
          return (
            <div key={c.id} role="columnheader" className={cellClass('grid-hcell', c, layout)} style={layout.pinStyle.get(c.id)} title={anyChecked ? t('grid.clearChecks') : undefined}>
              {anyChecked && (
                <input type="checkbox" className="row-check" checked onChange={onClearChecks} aria-label={t('grid.clearChecks')} data-testid="clear-checks" />
              )}
            </div>
          );
        }
        const active = c.sort !== undefined && c.sort === sort && (c.id !== 'timeLeft');
        return (
          <div
            key={c.id}
            role="columnheader"
            className={[cellClass('grid-hcell', c, layout), c.sort ? 'sortable' : '', active ? 'sorted' : ''].filter(Boolean).join(' ')}
            style={layout.pinStyle.get(c.id)}
            data-testid={`col-${c.id}`}
            aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}
            title={c.sort ? t('col.sortTip') : undefined}
            onClick={c.sort ? () => onSort(c.sort!) : undefined}
          >
            <span className="hcell-title">{t(c.title)}</span>
            {c.sort && (
              <span className="sort-icons">
                <CaretUpOutlined className={active && !desc ? 'on' : ''} />
                <CaretDownOutlined className={active && desc ? 'on' : ''} />
              </span>
            )}
            {c.id === lastId && <ColumnChooser columns={columns} />}
          </div>
        );
      })}
    </div>
  );
});

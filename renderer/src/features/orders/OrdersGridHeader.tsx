/** The sticky header row of the orders grid: sort by a column, and uncheck all rows. */
import { memo } from 'react';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { OrderSortKey } from '../../../../shared/domain';
import { t } from '../../i18n';
import { COLUMNS, HEADER_HEIGHT, TEMPLATE } from './grid-columns';

export const OrdersGridHeader = memo(function OrdersGridHeader({ sort, desc, onSort, anyChecked, onClearChecks }: {
  sort: OrderSortKey;
  desc: boolean;
  onSort: (sort: OrderSortKey) => void;
  anyChecked: boolean;
  onClearChecks: () => void;
}) {
  return (
    <div className="grid-header" role="row" style={{ gridTemplateColumns: TEMPLATE, height: HEADER_HEIGHT }}>
      {COLUMNS.map((c) => {
        if (c.id === 'check') {
          // Unchecks everything; there is no "check all" over 100,000 orders.
          return (
            <div key={c.id} role="columnheader" className={['grid-hcell', c.className ?? ''].join(' ')} title={anyChecked ? t('grid.clearChecks') : undefined}>
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
            className={['grid-hcell', c.className ?? '', c.sort ? 'sortable' : '', active ? 'sorted' : '', c.align ? `align-${c.align}` : ''].join(' ')}
            data-testid={`col-${c.id}`}
            aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}
            title={c.sort ? t('col.sortTip') : undefined}
            onClick={c.sort ? () => onSort(c.sort!) : undefined}
          >
            <span>{t(c.title)}</span>
            {c.sort && (
              <span className="sort-icons">
                <CaretUpOutlined className={active && !desc ? 'on' : ''} />
                <CaretDownOutlined className={active && desc ? 'on' : ''} />
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
});

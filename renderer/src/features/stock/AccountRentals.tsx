/** For account products: each account and when it is free to rent again (rental end + cool-down). */
import { useEffect, useState } from 'react';
import { Alert, Table } from 'antd';
import type { Res } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format/time';
import { useShop } from '../shops';
import '../../ui/tags.css';
import './stock.css';

type Account = Res<'allocation.accounts'>[number];

export function AccountRentals({ skuKey }: { skuKey: string }) {
  const { shopId, version, now } = useShop();
  const [rows, setRows] = useState<Account[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    let live = true;
    call('allocation.accounts', { shopId, skuKey })
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(errorData(e)));
    return () => {
      live = false;
    };
  }, [shopId, skuKey, version]);

  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  const busy = (a: Account) => a.busyUntil !== null && new Date(a.busyUntil).getTime() > now;
  return (
    <Table<Account>
      size="small"
      rowKey="itemId"
      loading={rows === null}
      dataSource={rows ?? []}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('accounts.empty') }}
      columns={[
        { key: 'itemId', dataIndex: 'itemId', title: t('item.col.id'), width: 80, render: (v: number) => <span className="mono muted">{v}</span> },
        { key: 'masked', dataIndex: 'masked', title: t('accounts.col.account'), render: (v: string) => <span className="mono">{v}</span> },
        {
          key: 'state', title: t('accounts.col.state'), width: 120,
          render: (_: unknown, a: Account) => <span className={`cell-tag ${busy(a) ? 'state-reserved' : 'state-available'}`}>{t(busy(a) ? 'accounts.rented' : 'accounts.free')}</span>,
        },
        {
          key: 'busyUntil', dataIndex: 'busyUntil', title: t('accounts.col.freeAt'), width: 200,
          render: (_: unknown, a: Account) => (busy(a) ? <span className="num">{formatDateTime(a.busyUntil)}</span> : <span className="muted">{t('accounts.now')}</span>),
        },
      ]}
    />
  );
}

/** 查看 on a stock item: the item in full (stock.reveal), recorded by the core. */
import { useEffect, useState } from 'react';
import type { Res } from '../../../../shared/contract';
import type { StockItem } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { SecretModal, secretFields } from '../../ui/SecretModal';
import { useShop } from '../shops';

export function StockItemRevealModal({ item, onClose }: { item: StockItem | null; onClose: () => void }) {
  const { shopId } = useShop();
  const [state, setState] = useState<{ id: number; value: Res<'stock.reveal'> } | { id: number; error: AppErrorData } | null>(null);
  const itemId = item?.id ?? null;

  useEffect(() => {
    if (itemId === null) return;
    let live = true;
    call('stock.reveal', { shopId, itemId })
      .then((value) => live && setState({ id: itemId, value }))
      .catch((e: unknown) => live && setState({ id: itemId, error: errorData(e) }));
    return () => {
      live = false;
      setState(null);
    };
  }, [shopId, itemId]);

  const current = state && state.id === itemId ? state : null;
  const groups = current && 'value' in current && item
    ? [{ key: String(item.id), fields: secretFields(item.kind, { ...current.value, expiresAt: item.expiresAt }) }]
    : [];
  return (
    <SecretModal
      open={item !== null}
      title={t('secret.itemTitle', { id: itemId ?? '' })}
      loading={item !== null && !current}
      error={current && 'error' in current ? current.error : null}
      groups={groups}
      onClose={onClose}
    />
  );
}

/** 查看 on an order: its items in full (allocation.reveal), recorded by the core. */
import { useEffect, useState } from 'react';
import type { RevealedItem } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { SecretModal, secretFields, type SecretGroup } from '../../ui/SecretModal';
import { useShop } from '../shops';

export function OrderRevealModal({ orderNo, onClose }: { orderNo: string | null; onClose: () => void }) {
  const { shopId } = useShop();
  const [state, setState] = useState<{ orderNo: string; items: RevealedItem[] } | { orderNo: string; error: AppErrorData } | null>(null);

  useEffect(() => {
    if (!orderNo) return;
    let live = true;
    call('allocation.reveal', { shopId, orderNo })
      .then((items) => live && setState({ orderNo, items }))
      .catch((e: unknown) => live && setState({ orderNo, error: errorData(e) }));
    return () => {
      live = false;
      setState(null);
    };
  }, [shopId, orderNo]);

  const current = state && state.orderNo === orderNo ? state : null;
  const items = current && 'items' in current ? current.items : [];
  const groups: SecretGroup[] = items.map((it, i) => ({
    key: String(it.itemId ?? `r${i}`),
    title: items.length > 1 ? t('secret.itemN', { n: i + 1 }) : undefined,
    fields: secretFields(it.kind, it),
  }));
  return (
    <SecretModal
      open={orderNo !== null}
      title={t('secret.orderTitle', { orderNo: orderNo ?? '' })}
      loading={orderNo !== null && !current}
      error={current && 'error' in current ? current.error : null}
      groups={groups}
      onClose={onClose}
    />
  );
}

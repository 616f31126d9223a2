/**
 * The current shop's counts (orders.summary): after each change, on shop switch, and each minute
 * (overdue and due-soon move with time). null until they arrive, and again right after a switch.
 */
import { useEffect, useState } from 'react';
import { App as AntApp } from 'antd';
import type { OrdersSummary } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';

export function useOrdersSummary(): OrdersSummary | null {
  const { message } = AntApp.useApp();
  const { shopId, now, version } = useShop();
  const [summary, setSummary] = useState<OrdersSummary | null>(null);

  const [forShop, setForShop] = useState(shopId);
  if (forShop !== shopId) {
    setForShop(shopId);
    setSummary(null);
  }

  useEffect(() => {
    let live = true;
    call('orders.summary', { shopId }).then(
      (s) => live && setSummary(s),
      (e: unknown) => live && message.error(errorText(errorData(e))),
    );
    return () => {
      live = false;
    };
  }, [shopId, version, now, message]);

  return summary;
}

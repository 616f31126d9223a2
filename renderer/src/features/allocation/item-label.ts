import type { OrderItem } from '../../../../shared/domain';
import { t } from '../../i18n';

/** An order's item as lists show it: masked, or 「已充值（ref）」 for a recharge, in the UI's language. */
export function itemLabel(it: OrderItem): string {
  if (it.kind !== 'recharge') return it.masked;
  return it.rechargeRef ? t('content.rechargedRef', { ref: it.rechargeRef }) : t('content.rechargedItem');
}

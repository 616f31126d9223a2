/** Saves what VShip makes for a dispute: a delivery record (发货凭证, PNG or PDF) and an evidence pack (ZIP). */
import { useCallback, useState } from 'react';
import { App as AntApp } from 'antd';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { saveBytes } from '../../lib/files/download';
import { useShop } from '../shops';
import type { RecordMask } from '../../../../shared/domain';
import { savedType } from './payloads';

export type SaveJob = `record-${'png' | 'pdf'}` | 'pack' | null;

export function useEvidenceFiles() {
  const { message } = AntApp.useApp();
  const { shopId } = useShop();
  const [busy, setBusy] = useState<SaveJob>(null);
  /** Records and packs show the items masked unless the merchant asks for them in full (recorded in the ledger as a reveal). */
  const [mask, setMask] = useState<RecordMask>('masked');

  const record = useCallback(async (orderNo: string, format: 'png' | 'pdf') => {
    setBusy(`record-${format}`);
    try {
      const got = await call('evidence.record', { shopId, orderNo, format, mask });
      saveBytes(got.name, got.bytes, savedType(got.name));
      message.success(t('evidence.record.saved', { name: got.name }));
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(null);
    }
  }, [shopId, message, mask]);

  const pack = useCallback(async (scope: { orderNo: string } | { from: string; to: string }) => {
    setBusy('pack');
    try {
      const got = await call('evidence.pack', { shopId, ...scope, mask });
      saveBytes(got.name, got.bytes, 'application/zip');
      message.success(t('evidence.pack.saved', { name: got.name, orders: got.orders, files: got.files }));
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(null);
    }
  }, [shopId, message, mask]);

  return { busy, record, pack, mask, setMask };
}

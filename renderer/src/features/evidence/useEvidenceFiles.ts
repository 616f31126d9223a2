/** Saves what VShip makes for a dispute: a delivery record (发货凭证, PNG or PDF) and an evidence pack (ZIP). */
import { useCallback, useState } from 'react';
import { App as AntApp } from 'antd';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { saveBytes } from '../../lib/files/download';
import { useShop } from '../shops';
import { savedType } from './payloads';

export type SaveJob = `record-${'png' | 'pdf'}` | 'pack' | null;

export function useEvidenceFiles() {
  const { message } = AntApp.useApp();
  const { shopId } = useShop();
  const [busy, setBusy] = useState<SaveJob>(null);

  const record = useCallback(async (orderNo: string, format: 'png' | 'pdf') => {
    setBusy(`record-${format}`);
    try {
      const got = await call('evidence.record', { shopId, orderNo, format });
      saveBytes(got.name, got.bytes, savedType(got.name));
      message.success(t('evidence.record.saved', { name: got.name }));
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(null);
    }
  }, [shopId, message]);

  const pack = useCallback(async (scope: { orderNo: string } | { from: string; to: string }) => {
    setBusy('pack');
    try {
      const got = await call('evidence.pack', { shopId, ...scope });
      saveBytes(got.name, got.bytes, 'application/zip');
      message.success(t('evidence.pack.saved', { name: got.name, orders: got.orders, files: got.files }));
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(null);
    }
  }, [shopId, message]);

  return { busy, record, pack };
}

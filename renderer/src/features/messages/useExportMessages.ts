/** 导出发货消息: the delivery messages of the shop's filled orders, saved as a file. */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { saveBytes } from '../../lib/files/download';
import { useShop } from '../shops';

export function useExportMessages(): { busy: boolean; run: () => Promise<void> } {
  const { message } = AntApp.useApp();
  const { shopId } = useShop();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const r = await call('messages.export', { shopId });
      if (r.held.length) message.warning(t('messages.heldDiversion', { count: r.held.length, text: r.held[0].text }), 8);
      if (r.count === 0) {
        if (!r.held.length) message.info(t('messages.none'));
      } else {
        saveBytes(r.name, r.bytes);
        message.success(t('messages.exported', { count: r.count, name: r.name }));
      }
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(false);
    }
  };

  return { busy, run };
}

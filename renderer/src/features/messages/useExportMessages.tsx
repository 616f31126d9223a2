/**
 * 导出发货消息: the delivery messages of the shop's filled orders (订单号 + 发货内容), saved as
 * a CSV file. The messages hold the items in full, so the merchant confirms first, told that the
 * file holds 完整卡密 and is not to be passed on.
 */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { saveBytes } from '../../lib/files/download';
import { useShop } from '../shops';
import './messages.css';

export function useExportMessages(): { busy: boolean; run: () => Promise<void> } {
  const { message, modal } = AntApp.useApp();
  const { shopId } = useShop();
  const [busy, setBusy] = useState(false);

  const exportNow = async () => {
    setBusy(true);
    try {
      const r = await call('messages.export', { shopId });
      if (r.held.length) message.warning(t('messages.heldDiversion', { count: r.held.length, text: r.held[0].text }), 8);
      if (r.count === 0) {
        if (!r.held.length) message.info(t('messages.none'));
      } else {
        saveBytes(r.name, r.bytes);
        message.success(t('messages.exported', { count: r.count, name: r.name }), 6);
      }
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(false);
    }
  };

  const run = () =>
    new Promise<void>((resolve) => {
      modal.confirm({
        title: t('messages.confirm.title'),
        content: (
          <div data-testid="export-messages-confirm">
            <p>{t('messages.confirm.body')}</p>
            <p className="messages-secret-notice" data-testid="export-messages-notice">{t('messages.confirm.secrets')}</p>
          </div>
        ),
        okText: t('messages.confirm.ok'),
        cancelText: t('common.cancel'),
        onOk: () => { void exportNow(); resolve(); },
        onCancel: () => resolve(),
      });
    });

  return { busy, run };
}

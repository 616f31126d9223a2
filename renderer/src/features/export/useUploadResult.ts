/**
 * 导入上传结果: the backend's result file after an upload (export.result). Its failed orders become
 * 上传失败 with the backend's reason, ready to go again; the answer stays shown until closed.
 */
import { useCallback, useState } from 'react';
import { App } from 'antd';
import type { UploadResultDetail } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { toFilePayloads } from '../../lib/files/payload';
import { useShop } from '../shops';

export function useUploadResult() {
  const { message } = App.useApp();
  const { shopId, changed } = useShop();
  const [reading, setReading] = useState(false);
  const [detail, setDetail] = useState<UploadResultDetail | null>(null);

  const read = useCallback(async (files: File[]) => {
    if (files.length > 1) message.info(t('export.result.oneFile'));
    const file = files[0];
    if (!file) return;
    setReading(true);
    try {
      const [payload] = await toFilePayloads([file]);
      const d = await call('export.result', { shopId, file: payload });
      setDetail(d);
      // Failed orders are ready again: the grid, the counts and the history reload.
      changed();
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setReading(false);
    }
  }, [shopId, changed, message]);

  const close = useCallback(() => setDetail(null), []);
  return { reading, detail, read, close };
}

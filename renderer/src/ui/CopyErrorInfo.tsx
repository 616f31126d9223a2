/**
 * 复制错误信息: a link that copies an error for support — what the UI says, the error code, the
 * file / row / column and the app's version — and says 已复制. The code is kept here, out of the
 * text the merchant reads.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import type { AppErrorData } from '../../../shared/errors';
import { call } from '../bridge';
import { t } from '../i18n';
import { copyText } from '../lib/clipboard/copy-text';
import { errorReport } from '../lib/error-text';
import './copy-error.css';

let versionAsked: Promise<string | undefined> | undefined;
/** The app's version, asked once per window (undefined if the core does not answer). */
function appVersion(): Promise<string | undefined> {
  versionAsked ??= call('shops.appInfo', undefined).then((i) => i.version, () => undefined);
  return versionAsked;
}

export function CopyErrorInfo({ error }: { error: AppErrorData }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    const ok = await copyText(errorReport(error, await appVersion()));
    setState(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 2000);
  };
  return (
    <span className="copy-error">
      <Button type="link" size="small" className="copy-error-button" data-testid="copy-error" icon={state === 'copied' ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
        {t('errors.copy')}
      </Button>
      {state !== 'idle' && (
        <span className={state === 'copied' ? 'copy-error-done' : 'copy-error-failed'} role="status" data-testid="copy-error-state">
          {t(state === 'copied' ? 'errors.copied' : 'errors.copyFailed')}
        </span>
      )}
    </span>
  );
}

/**
 * 自动填充 over the current shop's orders, and its undo (after a confirm): which of the two runs
 * now, and the last fill's result for its summary.
 */
import { useState } from 'react';
import { App as AntApp, type ButtonProps } from 'antd';
import type { FillResult } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';

export interface Fill {
  busy: 'fill' | 'undo' | null;
  /** The last fill's result until its summary is closed. */
  result: FillResult | null;
  closeResult: () => void;
  fill: () => Promise<void>;
  /** Asks first, then undoes the last fill. */
  undo: () => void;
}

export function useFill(): Fill {
  const { message, modal } = AntApp.useApp();
  const { shopId, changed } = useShop();
  const [busy, setBusy] = useState<Fill['busy']>(null);
  const [result, setResult] = useState<FillResult | null>(null);

  const fill = async () => {
    setBusy('fill');
    try {
      setResult(await call('allocation.fill', { shopId }));
      changed();
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(null);
    }
  };

  const undo = () => {
    modal.confirm({
      title: t('fill.undoTitle'),
      content: <div className="confirm-body">{t('fill.undoBody')}</div>,
      okText: t('fill.undo'),
      okButtonProps: { danger: true, 'data-testid': 'fill-undo-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy('undo');
        try {
          const r = await call('allocation.undoFill', { shopId });
          if (r.fillId === null) message.info(t('fill.undoNone'));
          else message.success(t('fill.undone', { released: r.released }));
          changed();
        } catch (e) {
          modal.error({ title: t('fill.undoFailed'), content: errorText(errorData(e)) });
        } finally {
          setBusy(null);
        }
      },
    });
  };

  return { busy, result, closeResult: () => setResult(null), fill, undo };
}

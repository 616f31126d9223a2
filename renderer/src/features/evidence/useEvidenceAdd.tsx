/**
 * Files onto one order (dropped on its row or drawer, pasted, chosen, or assigned from an import):
 * sent in batches (./batches.ts), then one message of what happened — added, already there, refused
 * with the reason.
 */
import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import type { EvidenceAddResult, EvidenceRefusal, EvidenceSource } from '../../../../shared/domain/evidence';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';
import { batchFiles } from './batches';
import { evidenceChanged } from './evidence-version';
import { refusalText } from './kind-text';
import { toEvidencePayloads } from './payloads';

export type AddEvidence = (orderNo: string, files: File[], source: EvidenceSource, opts?: { quiet?: boolean }) => Promise<EvidenceAddResult | null>;

const MESSAGE_KEY = 'evidence-add';

/** A file refused from its size, before a byte of it is read. */
export const tooLargeRefusal = (name: string): EvidenceRefusal => ({ name, code: 'EVIDENCE_TOO_LARGE', message: errorText({ code: 'EVIDENCE_TOO_LARGE', message: '' }) });

export function useEvidenceAdd(): AddEvidence {
  const { message, modal } = AntApp.useApp();
  const { shopId } = useShop();

  return useCallback<AddEvidence>(async (orderNo, files, source, opts = {}) => {
    const { batches, tooLarge } = batchFiles(files);
    const total: EvidenceAddResult = { added: [], already: [], refused: tooLarge.map((f) => tooLargeRefusal(f.name)) };
    let done = 0;
    try {
      for (const batch of batches) {
        if (files.length > batch.length) message.loading({ key: MESSAGE_KEY, content: t('evidence.add.progress', { done, total: files.length }), duration: 0 });
        const r = await call('evidence.add', { shopId, orderNo, files: await toEvidencePayloads(batch, source !== 'paste'), source });
        total.added.push(...r.added);
        total.already.push(...r.already);
        total.refused.push(...r.refused);
        done += batch.length;
      }
    } catch (e) {
      message.destroy(MESSAGE_KEY);
      if (total.added.length) evidenceChanged();
      if (!opts.quiet) modal.error({ title: t('evidence.add.failed', { orderNo }), content: <div className="confirm-body" data-testid="evidence-add-error">{errorText(errorData(e))}</div> });
      else throw e;
      return null;
    }
    message.destroy(MESSAGE_KEY);
    if (total.added.length || total.already.length) evidenceChanged();
    if (opts.quiet) return total;
    if (total.refused.length) {
      modal.warning({
        title: t('evidence.add.someRefused', { added: total.added.length, refused: total.refused.length, orderNo }),
        content: (
          <ul className="evidence-refused-list" data-testid="evidence-add-refused">
            {total.refused.map((r, i) => <li key={i}><span className="strong">{r.name}</span>{t('evidence.sep')}{refusalText(r)}</li>)}
          </ul>
        ),
      });
    } else if (total.added.length) {
      message.success(total.already.length
        ? t('evidence.add.doneSome', { added: total.added.length, already: total.already.length, orderNo })
        : t('evidence.add.done', { count: total.added.length, orderNo }));
    } else {
      message.info(t('evidence.add.allAlready', { count: total.already.length, orderNo }));
    }
    return total;
  }, [shopId, message, modal]);
}

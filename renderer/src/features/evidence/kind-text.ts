/** Evidence kinds, refusals and verify findings in the UI's language (Chinese from shared/domain, English from en.json). */
import type { EvidenceKind, EvidenceRefusal, VerifyProblem } from '../../../../shared/domain/evidence';
import { getLocale, t, type MessageKey } from '../../i18n';
import { errorText } from '../../lib/error-text';

export const kindText = (k: EvidenceKind): string => t(`evidence.kind.${k}` as MessageKey);

export const refusalText = (r: EvidenceRefusal): string => errorText({ code: r.code, message: r.message });

/** The core names exactly what is wrong, in Chinese; the English UI says what kind of finding and on what. */
export function problemText(p: VerifyProblem): string {
  if (getLocale() === 'zh-CN') return p.message;
  return `${t(`evidence.verify.problem.${p.code}` as MessageKey)} (${p.subject})`;
}

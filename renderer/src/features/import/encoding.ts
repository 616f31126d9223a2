/** An import's encoding as the merchant knows it (UTF-8, UTF-8（带 BOM）, GBK, GB18030), never the core's code. */
import { t } from '../../i18n';

const KNOWN = { 'utf-8': 'import.encoding.utf8', 'utf-8-bom': 'import.encoding.utf8Bom', gbk: 'import.encoding.gbk', gb18030: 'import.encoding.gb18030' } as const;

/** null (an XLSX has none): 无; an unknown code: upper-cased as written (UTF-16LE). */
export function encodingLabel(encoding: string | null): string {
  if (!encoding) return t('common.none');
  const key = KNOWN[encoding.toLowerCase() as keyof typeof KNOWN];
  return key ? t(key) : encoding.toUpperCase();
}

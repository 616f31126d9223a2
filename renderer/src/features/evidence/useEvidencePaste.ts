/**
 * Ctrl+V of an image (a screenshot tool's copy) onto the open order: the paste event's files,
 * no clipboard permission needed. Text is left alone — it is the grid's stock paste
 * (features/allocation/usePasteItems.tsx) or a text box's.
 */
import { useEffect, useRef } from 'react';
import { t } from '../../i18n';
import { pastedExt, pastedFileName } from './paste-name';
import type { AddEvidence } from './useEvidenceAdd';

/** The images a paste carries (files, or items of type image/*), or none. */
export function pastedImages(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.files).filter((f) => /^image\//i.test(f.type));
  if (files.length) return files;
  return Array.from(data.items)
    .filter((i) => i.kind === 'file' && /^image\//i.test(i.type))
    .map((i) => i.getAsFile())
    .filter((f): f is File => f !== null);
}

export function useEvidencePaste(orderNo: string | null, addEvidence: AddEvidence): void {
  const add = useRef(addEvidence);
  add.current = addEvidence;
  useEffect(() => {
    if (!orderNo) return;
    const onPaste = (e: ClipboardEvent) => {
      const images = pastedImages(e.clipboardData);
      if (!images.length) return;
      e.preventDefault();
      const now = Date.now();
      const named = images.map((f, i) => new File([f], pastedFileName(t('evidence.paste.namePrefix'), orderNo, now + i * 1000, pastedExt(f.type)), { type: f.type }));
      void add.current(orderNo, named, 'paste');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [orderNo]);
}

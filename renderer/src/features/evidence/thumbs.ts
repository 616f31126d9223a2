/** How an order's evidence is laid out in its drawer: images as thumbnails, PDFs as cards, removed ones apart. */
import type { EvidenceItem } from '../../../../shared/domain/evidence';

export interface EvidenceLayout {
  /** Shown images, oldest first (the preview group pages through them in this order). */
  images: EvidenceItem[];
  pdfs: EvidenceItem[];
  /** Removed from the order (shown only when asked). */
  hidden: EvidenceItem[];
}

export const isPdf = (item: Pick<EvidenceItem, 'mime'>) => item.mime === 'application/pdf';

export function layoutEvidence(items: readonly EvidenceItem[]): EvidenceLayout {
  const sorted = [...items].sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id - b.id);
  return {
    images: sorted.filter((i) => !i.hidden && !isPdf(i)),
    pdfs: sorted.filter((i) => !i.hidden && isPdf(i)),
    hidden: sorted.filter((i) => i.hidden),
  };
}

/**
 * An order's ship state as a tag: 可导出, 已导出, 上传失败 (the backend's reason on hover), 已发货,
 * 需处理. A plain span like the grid's other tags: thousands of rows pass through it while scrolling.
 */
import type { Order, ShipState } from '../../../../shared/domain';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format/time';
import { shipStateHint, shipStateLabel, shipStateTone } from './ship-state';
import '../../ui/tags.css';
import './export.css';

export function ShipStateTag({ state, note }: { state: ShipState; note?: string }) {
  return (
    <span className={`cell-tag export-state-tag ${shipStateTone(state)}`} data-testid="ship-state" data-state={state} title={note || undefined}>
      {shipStateLabel(state)}
    </span>
  );
}

/** The tag's tooltip for an order: the state, the backend's reason or why it needs a look, and the export that took it. */
export function shipStateTip(o: Pick<Order, 'shipState' | 'shipNote' | 'shipNoteCode' | 'shipNoteParams' | 'exportId' | 'exportedAt'>): string {
  if (!o.shipState) return '';
  const note = shipNoteText(o);
  const lines = [note ? t('export.state.withNote', { state: shipStateLabel(o.shipState), note }) : shipStateHint(o.shipState)];
  if (o.exportId !== null) lines.push(t('export.state.exportedIn', { id: o.exportId, at: formatDateTime(o.exportedAt) }));
  return lines.join('\n');
}

/** Why the order stands where it does: our own note by its code, in the UI's language; a failed upload's reason as the backend wrote it. */
export function shipNoteText(o: Pick<Order, 'shipNote' | 'shipNoteCode' | 'shipNoteParams'>): string {
  return o.shipNoteCode ? t(`export.note.${o.shipNoteCode}`, o.shipNoteParams) : o.shipNote;
}

/** A ship state's words and tone: the same for the grid's tag, the drawer, the counts and the history. */
import { SHIP_STATES, type ShipState } from '../../../../shared/domain';
import { t } from '../../i18n';

export { SHIP_STATES };

/** 「可导出」「已导出」「上传失败」「已发货」「需处理」 */
export function shipStateLabel(state: ShipState): string {
  return t(`export.state.${state}`);
}

/** What the state means, for a tooltip. */
export function shipStateHint(state: ShipState): string {
  return t(`export.state.${state}.hint`);
}

/** The tone class (export.css): green ready, blue exported, red upload failed, grey shipped, orange attention. */
export function shipStateTone(state: ShipState): string {
  return `export-tone-${state}`;
}

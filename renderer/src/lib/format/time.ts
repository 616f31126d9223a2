/**
 * Times cross the bridge as ISO 8601 with +08:00 (PDD times are Beijing time); the UI shows
 * them in the computer's local time zone.
 */
import { t } from '../../i18n';
import { DUE_SOON_MS } from '../../../../shared/rules/ship-by';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-06-20 10:21 (local). */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withSeconds ? `${base}:${pad(d.getSeconds())}` : base;
}

export interface TimeLeft {
  text: string;
  overdue: boolean;
  /** Less than 6 hours left (the "due soon" band of the summary). */
  soon: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 「剩 5 小时 12 分」 or 「已超时 3 小时 5 分」; null when there is no deadline. */
export function timeLeft(shipBy: string | null | undefined, now: number): TimeLeft | null {
  if (!shipBy) return null;
  const due = new Date(shipBy).getTime();
  if (Number.isNaN(due)) return null;
  const diff = due - now;
  const overdue = diff < 0;
  const ms = Math.abs(diff);
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  const vars = { d, h: d > 0 ? h : Math.floor(ms / HOUR), m };
  let text: string;
  if (overdue) {
    text = d > 0 ? t('time.overdue.days', vars) : ms >= HOUR ? t('time.overdue.hours', vars) : t('time.overdue.minutes', vars);
  } else {
    text = d > 0 ? t('time.left.days', vars) : ms >= HOUR ? t('time.left.hours', vars) : t('time.left.minutes', vars);
  }
  return { text, overdue, soon: !overdue && diff < DUE_SOON_MS };
}

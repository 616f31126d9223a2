import { toBeijingIso } from '../../../shared/rules/classify';

/** The current time in ms since the epoch. Tests may pin it with VSHIP_NOW (an ISO string). */
export function nowMs(): number {
  const pinned = process.env.VSHIP_NOW;
  return pinned ? Date.parse(pinned) : Date.now();
}

/** The current time as ISO 8601 +08:00 (Beijing), the form every stored time takes. */
export function nowIso(): string {
  return toBeijingIso(nowMs());
}

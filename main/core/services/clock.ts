import { toBeijingIso } from '../../../shared/rules/classify';

/** The current time as ISO 8601 +08:00. Tests may pin it with VSHIP_NOW (an ISO string). */
export function nowMs(): number {
  const pinned = process.env.VSHIP_NOW;
  return pinned ? Date.parse(pinned) : Date.now();
}

export function nowIso(): string {
  return toBeijingIso(nowMs());
}

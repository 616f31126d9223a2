import { toBeijingIso } from '../../../shared/rules/classify';

/**
 * The current time in ms since the epoch. VSHIP_NOW (an ISO 8601 time) pins it, for tests and for
 * trying a scenario from the CLI or browser mode (README, "The clock"); the installed desktop app
 * clears it at start (main/app/main.ts). An unparsable value is ignored, not turned into NaN times.
 */
export function nowMs(): number {
  const pinned = process.env.VSHIP_NOW;
  const at = pinned ? Date.parse(pinned) : NaN;
  return Number.isFinite(at) ? at : Date.now();
}

/** The current time as ISO 8601 +08:00 (Beijing), the form every stored time takes. */
export function nowIso(): string {
  return toBeijingIso(nowMs());
}

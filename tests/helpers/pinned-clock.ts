/**
 * One moment for every process of a test that compares whole databases (db-snapshot.ts): with the
 * clock pinned (VSHIP_NOW, main/core/services/clock.ts) two runs of the same work store the same
 * times. The order generator's default "now" (tests/fixtures/orders.ts), so its orders are fresh.
 */
export const PINNED_NOW = '2026-06-20T12:00:00+08:00';

/** The environment for a child process (`vship …`) on the pinned clock. */
export const PINNED_ENV = { VSHIP_NOW: PINNED_NOW };

/** Runs `f` in this process on the pinned clock. */
export function withPinnedClock<T>(f: () => T): T {
  const was = process.env.VSHIP_NOW;
  process.env.VSHIP_NOW = PINNED_NOW;
  try {
    return f();
  } finally {
    if (was === undefined) delete process.env.VSHIP_NOW;
    else process.env.VSHIP_NOW = was;
  }
}

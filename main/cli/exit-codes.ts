/** What `vship` exits with, in one place so scripts can rely on it. */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** The core refused the input: a bad file, a duplicate, a stock import with rejected lines; or `check-db` found problems. */
  BAD_INPUT: 1,
  /** The command line itself is wrong: unknown command or option, missing argument, bad value. */
  USAGE: 2,
  /** `vship check --strict`: a blocking platform-rule finding remains (one no override lifts). */
  BLOCKED: 3,
  /** `vship verify`: something in the data folder was altered, is missing or was added outside VShip. */
  VERIFY_FAILED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

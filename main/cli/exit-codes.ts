/**
 * What `vship` exits with, in one place so scripts can rely on it. 4 is reserved for the ledger
 * verification that comes later.
 */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** The core refused the input: a bad file, a duplicate, a stock import with rejected lines; or `check-db` found problems. */
  BAD_INPUT: 1,
  /** The command line itself is wrong: unknown command or option, missing argument, bad value. */
  USAGE: 2,
  /** `vship check --strict`: a blocking platform-rule finding remains (one no override lifts). */
  BLOCKED: 3,
  /** Reserved: a verification (ledger, evidence) failed. */
  VERIFY_FAILED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

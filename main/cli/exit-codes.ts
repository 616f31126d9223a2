/**
 * What `vship` exits with, in one place so scripts can rely on it. 3 and 4 are reserved for the
 * rule checks (blocked findings) and the ledger verification that come later.
 */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** The core refused the input: a bad file, a duplicate, a stock import with rejected lines; or `check-db` found problems. */
  BAD_INPUT: 1,
  /** The command line itself is wrong: unknown command or option, missing argument, bad value. */
  USAGE: 2,
  /** Reserved: the work was stopped by a blocking platform-rule finding. */
  BLOCKED: 3,
  /** Reserved: a verification (ledger, evidence) failed. */
  VERIFY_FAILED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

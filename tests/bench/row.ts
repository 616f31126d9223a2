/**
 * One row of `npm run bench`'s one table. Each benchmark script prints its rows as `BENCHROW {json}`
 * lines (and anything else it likes as its log); tests/bench/bench.ts runs them all and prints
 * every row in one table: work, file, rows, VShip time, bare time, ratio, peak memory.
 */
export interface BenchRow {
  /** What was measured: "import", "re-import", "fill", "rule check", … */
  work: string;
  /** The input: a file kind ("xlsx", "utf8.csv") or a short description. */
  file: string;
  /** Orders (or items) the work covered. */
  rows: number;
  /** VShip's time, in milliseconds. */
  ms: number;
  /** The bare library doing the same work in the same run, in milliseconds; null when there is none. */
  bareMs: number | null;
  peakMB: number;
  barePeakMB: number | null;
  /** What the figures mean, the target, the runs. */
  note?: string;
}

export const ROW_MARK = 'BENCHROW ';

export function benchRow(r: BenchRow): void {
  console.log(ROW_MARK + JSON.stringify(r));
}

/** Peak resident memory of this process so far, in MB. */
export function peakMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

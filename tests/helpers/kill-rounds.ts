import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { VSHIP } from './cli';
import { copyDataFolder, folderSnapshot, snapshotDiff, type DbSnapshot } from './db-snapshot';

/** A trace point a child passed (main/core/fault.ts, VSHIP_TRACE_POINTS=1), with the child's clock. */
export interface Point { name: string; at: number }

export interface TracedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** the parent's Date.now() just before spawning (same clock as the points' `at`) */
  spawnedAt: number;
  points: Point[];
  /** the parent killed it (SIGKILL) before it exited by itself */
  killed: boolean;
}

const POINT = /^vship-point (\S+) (\d+)$/gm;

export interface TracedOptions {
  env?: Record<string, string>;
  /** SIGKILL this long after spawning */
  killAfterMs?: number;
  /** SIGKILL this long after the named point's line arrives */
  killAfter?: { point: string; ms: number };
  /** called once for each point line as it arrives */
  onPoint?: (p: Point) => void;
}

/** Runs `vship ARGS` with trace points on, optionally killing it (SIGKILL) at a chosen moment. */
export function runTraced(args: string[], o: TracedOptions = {}): Promise<TracedRun> {
  return new Promise((resolve) => {
    const spawnedAt = Date.now();
    const child = spawn(process.execPath, [VSHIP, ...args], { env: { ...process.env, ...o.env, VSHIP_TRACE_POINTS: '1' } });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const points: Point[] = [];
    const timers: NodeJS.Timeout[] = [];
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) { killed = true; child.kill('SIGKILL'); }
      // (one that exits on its own at the same instant still counts as finished: see 'close')
    };
    if (o.killAfterMs !== undefined) timers.push(setTimeout(kill, o.killAfterMs));
    child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      const from = stderr.lastIndexOf('\n') + 1;
      stderr += c;
      // Whole lines only: a point's line may arrive in two chunks.
      const upto = stderr.lastIndexOf('\n') + 1;
      for (const m of stderr.slice(from, upto).matchAll(POINT)) {
        const p = { name: m[1], at: Number(m[2]) };
        points.push(p);
        o.onPoint?.(p);
        if (o.killAfter?.point === p.name) timers.push(setTimeout(kill, o.killAfter.ms));
      }
    });
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, stdout, stderr, spawnedAt, points, killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** The first time the run passed `name`, in ms after spawning; undefined when it never did. */
export function pointAt(r: TracedRun, name: string): number | undefined {
  const p = r.points.find((x) => x.name === name);
  return p && p.at - r.spawnedAt;
}

export interface KillWork {
  /** a closed data folder: the before-state, copied afresh for every run */
  pristine: string;
  /** the command, on a given copy of the data folder */
  args: (dir: string) => string[];
  /** the trace points at which the work begins (write lock held), ends (about to commit), and has committed */
  begin: string;
  end: string;
  committed: string;
  /** planned rounds (a few more when kills aimed at the work miss it) */
  rounds: number;
  /** a new empty folder (removed after the test) */
  newDir: () => string;
  /** for every run: at least VSHIP_NOW, so two uninterrupted runs store identical cells */
  env: Record<string, string>;
}

export interface KillRound {
  /**
   * where the kill was aimed: `work` inside the measured window (after the begin point), `commit`
   * just after the end point, `anywhere` from spawn to past the commit
   */
  aim: 'work' | 'commit' | 'anywhere';
  delayMs: number;
  /** the parent killed it (else it finished first) */
  killed: boolean;
  /** it had begun the work and not reached its end when it died */
  midWork: boolean;
  /** what the database held afterwards */
  state: 'before' | 'after';
}

export interface KillReport {
  before: DbSnapshot;
  after: DbSnapshot;
  /** a data folder holding the after-state (an uninterrupted run's), to check further */
  afterDir: string;
  /** the work's window in the calibration runs, ms after spawning */
  window: { begin: number; end: number };
  /** the runs killed (by themselves) at the begin and end points (left the before-state) and at the committed one (the after-state) */
  atPoints: { point: string; state: 'before' | 'after' }[];
  /** the runs killed at random moments */
  rounds: KillRound[];
  /** how long the calibration and the rounds took, for the log */
  elapsedMs: number;
}

/**
 * The kill -9 guarantee, measured: "after" is the same command run uninterrupted (twice, on two
 * copies of the before-state: both must store identical databases, or the comparison below would
 * mean nothing). Three runs kill themselves at the trace points: at the begin and at the end
 * point they must leave exactly the before-state, at the committed point exactly the after-state.
 * Then each round runs the command on a fresh copy and kills it with SIGKILL, mostly while the
 * work is under way (spread over the length the runs so far measured, from their trace points),
 * some at its commit, some at any moment from start-up to just past the commit. Every round must
 * leave exactly the before-state or exactly the after-state: every table, every cell.
 */
export async function killRounds(w: KillWork): Promise<KillReport> {
  const t0 = Date.now();
  const before = folderSnapshot(w.pristine);
  const calibrations: { dir: string; after: DbSnapshot; begin: number; end: number }[] = [];
  for (let i = 0; i < 2; i++) {
    const dir = w.newDir();
    copyDataFolder(w.pristine, dir);
    const r = await runTraced(w.args(dir), { env: w.env });
    expect(r.code, r.stderr).toBe(0);
    const begin = pointAt(r, w.begin);
    const end = pointAt(r, w.end);
    expect(begin, `no ${w.begin} in ${r.stderr}`).toBeDefined();
    expect(end, `no ${w.end} in ${r.stderr}`).toBeDefined();
    calibrations.push({ dir, after: folderSnapshot(dir), begin: begin!, end: end! });
  }
  const after = calibrations[0].after;
  expect(snapshotDiff(calibrations[1].after, after), 'two uninterrupted runs stored different databases').toEqual([]);
  expect(snapshotDiff(before, after).length, 'the work changed nothing').toBeGreaterThan(0);
  const window = { begin: calibrations[1].begin, end: calibrations[1].end };

  // First, at the points themselves (the process kills itself there, VSHIP_FAULT): nothing may be
  // committed when the work begins, nor when it has done everything but commit; all of it once
  // the commit returned. The end point catches, every time, any commit before the end (in chunks,
  // per order, in two steps), however short the stretch a random kill would have to hit; the
  // committed point, any part written in a transaction of its own after the commit.
  const atPoints: KillReport['atPoints'] = [];
  for (const [point, state, want] of [[w.begin, 'before', before], [w.end, 'before', before], [w.committed, 'after', after]] as const) {
    const dir = w.newDir();
    copyDataFolder(w.pristine, dir);
    const r = await runTraced(w.args(dir), { env: { ...w.env, VSHIP_FAULT: point } });
    expect(r.signal, `killed at ${point}: ${r.stderr}`).toBe('SIGKILL');
    expect(snapshotDiff(want, folderSnapshot(dir)), `killed at ${point}, the database is not as ${state}`).toEqual([]);
    atPoints.push({ point, state });
  }
  // The scale, from the last three runs that passed both points (the calibrations, then each
  // round that reached the end): the load on the machine changes while the test runs.
  const lengths = calibrations.map((c) => c.end - c.begin);
  const ends = calibrations.map((c) => c.end);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
  // Three rounds in four are aimed inside the work, counted from this run's own begin point
  // (start-up time varies more than the work does). They are spread over it, not merely random:
  // the k such rounds take one k-th of its length each (in shuffled order, at a random moment
  // within it), so any stretch longer than a k-th where a partial state could be seen is hit.
  // The fourth is aimed, in turn, at the commit (up to 25 ms after the end point) or anywhere
  // from spawn to a third past the end: start-up, the work, the commit, the exit.
  const aims = Array.from({ length: w.rounds }, (_, i): KillRound['aim'] => (i % 4 !== 3 ? 'work' : i % 8 === 3 ? 'commit' : 'anywhere'));
  const slices = aims.filter((x) => x === 'work').map((_, j) => j);
  const k = slices.length;
  for (let j = k - 1; j > 0; j--) {
    const m = Math.floor(Math.random() * (j + 1));
    [slices[j], slices[m]] = [slices[m], slices[j]];
  }

  // A round aimed at the work that missed it (the work ran faster than measured) is run again
  // with the new measure, up to half as many times again as planned.
  let again = Math.ceil(w.rounds / 2);
  const rounds: KillRound[] = [];
  for (let i = 0; i < aims.length; i++) {
    const dir = w.newDir();
    copyDataFolder(w.pristine, dir);
    const aim = aims[i];
    // 0.95: a round a little faster than the median is still caught inside the work.
    const delayMs = Math.floor(aim === 'work' ? (((slices.pop() ?? Math.floor(Math.random() * k)) + Math.random()) / k) * 0.95 * median(lengths.slice(-3))
      : Math.random() * (aim === 'commit' ? 25 : median(ends.slice(-3)) * 1.33));
    const when: TracedOptions = aim === 'anywhere' ? { killAfterMs: delayMs } : { killAfter: { point: aim === 'work' ? w.begin : w.end, ms: delayMs } };
    const r = await runTraced(w.args(dir), { env: w.env, ...when });
    if (!r.killed) expect(r.code, r.stderr).toBe(0);
    const names = new Set(r.points.map((p) => p.name));
    const midWork = r.killed && names.has(w.begin) && !names.has(w.end);
    const [b, e] = [pointAt(r, w.begin), pointAt(r, w.end)];
    if (b !== undefined && e !== undefined) { lengths.push(e - b); ends.push(e); }
    const s = folderSnapshot(dir);
    const fromBefore = snapshotDiff(before, s);
    const fromAfter = snapshotDiff(after, s);
    // Exactly one of the two, whole: a partial write differs from both.
    expect(fromBefore.length === 0 || fromAfter.length === 0, `round ${i} (${aim}, ${delayMs} ms${midWork ? ', mid-work' : ''}) left neither state:\n vs before: ${fromBefore.join('; ')}\n vs after: ${fromAfter.join('; ')}`).toBe(true);
    rounds.push({ aim, delayMs, killed: r.killed, midWork, state: fromBefore.length === 0 ? 'before' : 'after' });
    if (aim === 'work' && !midWork && again-- > 0) aims.push('work');
  }
  return { before, after, afterDir: calibrations[0].dir, window, atPoints, rounds, elapsedMs: Date.now() - t0 };
}

/** One line for the test log: how the rounds went. */
export function describeRounds(label: string, k: KillReport): string {
  const n = (f: (r: KillRound) => boolean) => k.rounds.filter(f).length;
  return `${label}: work ${k.window.begin}–${k.window.end} ms after spawn; ${k.atPoints.map((p) => `killed at ${p.point}: ${p.state}`).join(', ')}; ${k.rounds.length} rounds: ${n((r) => r.midWork)} killed mid-work, `
    + `${n((r) => r.killed && !r.midWork)} killed outside it, ${n((r) => !r.killed)} finished; ${n((r) => r.state === 'before')} before, ${n((r) => r.state === 'after')} after; ${(k.elapsedMs / 1000).toFixed(1)} s`;
}

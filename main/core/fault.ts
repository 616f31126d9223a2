import { writeSync } from 'node:fs';

/**
 * Crash points for the tests that prove a write is all-or-nothing and exclusive: with
 * `VSHIP_FAULT=<name>` the process kills itself (SIGKILL, as a power cut would) when it reaches
 * that point, or, with `VSHIP_FAULT_ACTION=pause:<ms>`, stops there that long (holding whatever it
 * holds, so another process must meet it). With `VSHIP_TRACE_POINTS=1` every point passed writes
 * `vship-point <name> <epoch ms>` to stderr first (straight to the descriptor, so the line is out
 * before a kill and from a worker thread too), and `<name>:resumed` after a pause: the kill tests
 * see when the work began and ended, the overlap tests that one process asked while another held on.
 * Unset, this is two environment lookups.
 */
export function faultPoint(name: string): void {
  if (process.env.VSHIP_TRACE_POINTS === '1') writeSync(2, `vship-point ${name} ${Date.now()}\n`);
  if (process.env.VSHIP_FAULT !== name) return;
  const pause = /^pause:(\d+)$/.exec(process.env.VSHIP_FAULT_ACTION ?? '');
  if (pause) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(pause[1]));
    if (process.env.VSHIP_TRACE_POINTS === '1') writeSync(2, `vship-point ${name}:resumed ${Date.now()}\n`);
  } else process.kill(process.pid, 'SIGKILL');
}

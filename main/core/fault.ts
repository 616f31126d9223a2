/**
 * Crash points for the tests that prove an export is all-or-nothing and exclusive: with
 * `VSHIP_FAULT=<name>` the process kills itself (SIGKILL, as a power cut would) when it reaches
 * that point, or, with `VSHIP_FAULT_ACTION=pause:<ms>`, stops there that long (holding whatever it
 * holds, so another process must meet it). Unset, this is one environment lookup.
 */
export function faultPoint(name: string): void {
  if (process.env.VSHIP_FAULT !== name) return;
  const pause = /^pause:(\d+)$/.exec(process.env.VSHIP_FAULT_ACTION ?? '');
  if (pause) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(pause[1]));
  else process.kill(process.pid, 'SIGKILL');
}

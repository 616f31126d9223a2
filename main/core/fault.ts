/**
 * Crash points for the tests that prove an export is all-or-nothing: with `VSHIP_FAULT=<name>`
 * the process kills itself (SIGKILL, as a power cut would) when it reaches that point. Unset, this
 * is one environment lookup.
 */
export function faultPoint(name: string): void {
  if (process.env.VSHIP_FAULT === name) process.kill(process.pid, 'SIGKILL');
}

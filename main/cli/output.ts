/** A line on stdout (the newline added when missing). */
export function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

/** One JSON value on one line of stdout: what `--json` prints. */
export function outJson(value: unknown): void {
  out(JSON.stringify(value));
}

import type { AppErrorData } from '../../shared/errors';

/** The code `--json` prints for a wrong command line, beside the core's own error codes. */
export const USAGE_ERROR_CODE = 'USAGE';

/** The command line is wrong (exit 2). `detail` names what was wrong: an option, a word, a value. */
export class UsageError extends Error {
  constructor(message: string, readonly detail?: string) { super(message); }
}

/** The core (or the CLI on its behalf, e.g. an unreadable file) refused the input (exit 1). */
export class InputError extends Error {
  constructor(readonly data: AppErrorData) { super(data.message); }
}

/** The hint every usage error ends with, pointing at the help for the command at hand. */
export function helpHint(command?: string): string {
  return command ? `运行 vship help ${command} 查看用法` : '运行 vship --help 查看用法';
}

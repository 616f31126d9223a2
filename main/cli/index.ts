/**
 * `vship` — the command line over the same handler table as the app. Finds the command in the
 * registry (commands/index.ts), parses its declared options strictly, runs it and exits with its
 * code (exit-codes.ts). Errors: a Chinese message on stderr and, with --json,
 * {"error":{code,message,…}} on stdout; a wrong command line has the code USAGE and exits 2.
 */
import { join } from 'node:path';
import { AppError, type AppErrorData } from '../../shared/errors';
import { resolveDataDir } from '../core/data-dir';
import { toSystemError } from '../core/system-errors';
import { openCore, type Core } from '../handlers';
import { COMMANDS } from './commands';
import type { CommandContext, OptionSpecs } from './command';
import { InputError, USAGE_ERROR_CODE, UsageError } from './errors';
import { EXIT } from './exit-codes';
import { commandsUnder, commandWords, findCommand, lookup } from './find-command';
import { commandHelp, groupHelp, overviewHelp } from './help';
import { out } from './output';
import { asksForHelp, parseCommandLine } from './parse-options';

/** The help for the words after `vship help` (or before `--help`): overview, a group, a command. */
function helpFor(words: string[]): string {
  if (!words.length) return overviewHelp(COMMANDS);
  try {
    return commandHelp(COMMANDS, lookup(COMMANDS, words).command);
  } catch (e) {
    if (e instanceof UsageError && words.length === 1 && commandsUnder(COMMANDS, words[0]).length) return groupHelp(COMMANDS, words[0]);
    throw e;
  }
}

async function run(argv: string[]): Promise<number> {
  const { at, words } = commandWords(argv);
  if (at < 0) {
    out(overviewHelp(COMMANDS));
    return asksForHelp(argv) ? EXIT.OK : EXIT.USAGE;
  }
  if (words[0] === 'help') {
    out(helpFor(argv.slice(at + 1).filter((a) => !a.startsWith('-')).slice(0, 2)));
    return EXIT.OK;
  }
  if (asksForHelp(argv)) { out(helpFor(words)); return EXIT.OK; }
  const { command, rest } = findCommand(COMMANDS, argv)!;
  const { args, options, argOptions } = parseCommandLine(command, rest);
  const dataDirArg = options['data-dir'] as string | undefined;
  const dataDir = resolveDataDir(dataDirArg === undefined ? [] : [`--data-dir=${dataDirArg}`], process.env);
  let core: Core | undefined;
  const ctx: CommandContext<OptionSpecs> = {
    args, options: options as CommandContext<OptionSpecs>['options'], argOptions, json: options.json === true,
    get core() { return (core ??= openCore({ dataDir, host: 'cli', workerPath: join(__dirname, 'job-worker.cjs') })); },
  };
  try {
    return await command.run(ctx);
  } finally {
    core?.close();
  }
}

/**
 * Prints the error (stderr, and stdout as JSON with --json) and returns the exit code. A full
 * disk, a locked or damaged database, a read-only folder: their own code and message, exit 1.
 */
function report(e: unknown, json: boolean): number {
  let data: AppErrorData | { code: typeof USAGE_ERROR_CODE; message: string; detail?: string };
  let code: number = EXIT.BAD_INPUT;
  if (e instanceof UsageError) {
    data = e.detail === undefined ? { code: USAGE_ERROR_CODE, message: e.message } : { code: USAGE_ERROR_CODE, message: e.message, detail: e.detail };
    code = EXIT.USAGE;
  } else if (e instanceof InputError) data = e.data;
  else if (e instanceof AppError) data = e.toData();
  else if (toSystemError(e)) data = toSystemError(e)!.toData();
  else data = { code: 'INTERNAL', message: `内部错误：${e instanceof Error ? e.message : String(e)}` };
  if (json) process.stdout.write(JSON.stringify({ error: data }) + '\n');
  process.stderr.write(`错误：${data.message}\n`);
  return code;
}

// `vship orders | head`: the reader has gone, and what is left to print is nobody's. Stop quietly
// rather than die of an unhandled EPIPE with a stack trace (a fill or import has already committed).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    throw e;
  });
}

const argv = process.argv.slice(2);
run(argv[0] === '--version' ? ['version', ...argv.slice(1)] : argv).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { process.exitCode = report(e, argv.includes('--json')); },
);

/**
 * Finds the command in the argument list: its first word (global options may come before it),
 * and a second word when the two name a command (`stock void`, `shops add`).
 */
import { GLOBAL_OPTIONS, type Command } from './command';
import { helpHint, UsageError } from './errors';

export interface FoundCommand {
  command: Command;
  /** The arguments without the command words, for the command's own parser. */
  rest: string[];
}

/** Index of the first word that is neither an option nor the value of a global option. */
function firstWord(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    const spec = (GLOBAL_OPTIONS as Record<string, { type: string }>)[a.slice(2)];
    if (spec?.type === 'string') i++;
  }
  return -1;
}

/** The words of a command line, the first one at `at`. */
export function commandWords(argv: readonly string[]): { at: number; words: string[] } {
  const at = firstWord(argv);
  if (at < 0) return { at, words: [] };
  const next = argv[at + 1];
  return { at, words: next !== undefined && !next.startsWith('-') ? [argv[at], next] : [argv[at]] };
}

/** The commands under a first word: `stock`, `stock import`, `stock void`… */
export function commandsUnder(registry: readonly Command[], word: string): Command[] {
  return registry.filter((c) => c.name === word || c.name.startsWith(`${word} `));
}

/** The command the words name, and how many of them it used; a UsageError when none. */
export function lookup(registry: readonly Command[], words: readonly string[]): { command: Command; used: number } {
  const [first, second] = words;
  const pair = second === undefined ? undefined : registry.find((c) => c.name === `${first} ${second}`);
  if (pair) return { command: pair, used: 2 };
  const single = registry.find((c) => c.name === first);
  if (single) return { command: single, used: 1 };
  if (commandsUnder(registry, first).length) {
    throw second === undefined
      ? new UsageError(`缺少 ${first} 的子命令。${helpHint(first)}`, first)
      : new UsageError(`未知的 ${first} 子命令「${second}」。${helpHint(first)}`, second);
  }
  throw new UsageError(`未知命令「${first}」。${helpHint()}`, first);
}

/** The command on a command line, or null when there is no command word. */
export function findCommand(registry: readonly Command[], argv: readonly string[]): FoundCommand | null {
  const { at, words } = commandWords(argv);
  if (at < 0) return null;
  const { command, used } = lookup(registry, words);
  return { command, rest: [...argv.slice(0, at), ...argv.slice(at + used)] };
}

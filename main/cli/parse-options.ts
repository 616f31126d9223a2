/**
 * Parses a command's arguments against its declaration with node:util `parseArgs` (strict), and
 * turns every way of getting it wrong into a UsageError with a Chinese message naming the culprit.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allOptions, type Command, type OptionSpecs } from './command';
import { helpHint, UsageError } from './errors';
import { InvalidValue } from './option-values';

export interface ParsedCommandLine {
  args: string[];
  options: Record<string, unknown>;
  help: boolean;
}

/** `-h`, `--help` anywhere before `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

const LOOKS_LIKE_OPTION = /^--?[A-Za-z]/;

/**
 * `--sep ----` and `--to -X` are values, not options: like the CLI always did, a value option
 * takes the next word unless that word is itself an option. parseArgs alone would refuse them.
 */
function joinValues(argv: readonly string[], specs: OptionSpecs): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.push(...argv.slice(i)); break; }
    const spec = a.startsWith('--') ? specs[a.slice(2)] : undefined;
    const next = argv[i + 1];
    if (spec?.type === 'string' && next !== undefined && next !== '--' && !LOOKS_LIKE_OPTION.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Which token parseArgs refused, said in Chinese. */
function diagnose(argv: string[], specs: OptionSpecs, command: string): UsageError {
  const { tokens } = parseArgs({ args: argv, options: specs as ParseArgsConfig['options'], strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    if (!spec) return new UsageError(`未知选项「${t.rawName}」。${helpHint(command)}`, t.rawName);
    if (spec.type === 'string' && (t.value === undefined || !t.inlineValue)) {
      return new UsageError(`选项「${t.rawName}」需要一个值 ${spec.value}。${helpHint(command)}`, t.rawName);
    }
    if (spec.type === 'boolean' && t.value !== undefined) return new UsageError(`选项「${t.rawName}」不带值。${helpHint(command)}`, t.rawName);
  }
  return new UsageError(`命令行无法解析。${helpHint(command)}`);
}

export function parseCommandLine(command: Command, argv: readonly string[]): ParsedCommandLine {
  const specs = allOptions(command);
  const name = command.name;
  if (asksForHelp(argv)) return { args: [], options: {}, help: true };
  const joined = joinValues(argv, specs);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: joined, options: specs as ParseArgsConfig['options'], strict: true, allowPositionals: true });
  } catch {
    throw diagnose(joined, specs, name);
  }

  const options: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const raw = parsed.values[key];
    if (raw === undefined) {
      if (spec.type === 'string' && spec.required) throw new UsageError(`缺少选项 --${key} ${spec.value}。${helpHint(name)}`, `--${key}`);
      continue;
    }
    if (spec.type === 'boolean' || !spec.parse) { options[key] = raw; continue; }
    try {
      options[key] = spec.parse(raw as string);
    } catch (e) {
      if (!(e instanceof InvalidValue)) throw e;
      throw new UsageError(`选项「--${key}」${e.message}，收到「${raw as string}」。${helpHint(name)}`, `--${key}`);
    }
  }

  const args = parsed.positionals;
  const declared = command.args;
  const missing = declared.slice(args.length).find((a) => a.required);
  if (missing) throw new UsageError(`缺少参数 <${missing.name}>${missing.variadic ? '...' : ''}。${helpHint(name)}`, missing.name);
  if (!declared.some((a) => a.variadic) && args.length > declared.length) {
    const extra = args[declared.length];
    throw new UsageError(`多余的参数「${extra}」。${helpHint(name)}`, extra);
  }
  return { args, options, help: false };
}

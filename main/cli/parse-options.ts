/**
 * Parses a command's arguments against its declaration with node:util `parseArgs` (strict), and
 * turns every way of getting it wrong into a UsageError with a Chinese message naming the culprit.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allOptions, GLOBAL_OPTIONS, type Command, type OptionsByArg, type OptionSpecs } from './command';
import { helpHint, UsageError } from './errors';
import { InvalidValue } from './option-values';

export interface ParsedCommandLine {
  args: string[];
  options: Record<string, unknown>;
  /** The values of the options the first argument called for (Command.optionsByArg). */
  argOptions: Record<string, unknown>;
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

/**
 * The first positional argument: the words that are not options nor the values of options that
 * take one (`specs`, or any variant's). `--` ends the options.
 */
function firstPositional(argv: readonly string[], specs: OptionSpecs, by: OptionsByArg): string | undefined {
  const variantSpecs: OptionSpecs = Object.assign({}, ...Object.values(by.variants));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return argv[i + 1];
    if (!LOOKS_LIKE_OPTION.test(a)) return a;
    if (!a.startsWith('--') || a.includes('=')) continue;
    const spec = specs[a.slice(2)] ?? variantSpecs[a.slice(2)];
    const next = argv[i + 1];
    if (spec?.type === 'string' && next !== undefined && next !== '--' && !LOOKS_LIKE_OPTION.test(next)) i++;
  }
  return undefined;
}

/** `规则 RENTAL_MAX_DAYS 的参数：--maxDays`, said after an unknown option. */
function variantHint(by: OptionsByArg, key: string): string {
  const names = Object.keys(by.variants[key]).map((k) => `--${k}`);
  return names.length ? `${by.label} ${key} 的${by.optionsLabel}：${names.join('、')}。` : `${by.label} ${key} 没有可设置的${by.optionsLabel}。`;
}

/** Which token parseArgs refused, said in Chinese; `unknownHint` follows an unknown option. */
function diagnose(argv: string[], specs: OptionSpecs, command: string, unknownHint = ''): UsageError {
  const { tokens } = parseArgs({ args: argv, options: specs as ParseArgsConfig['options'], strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    if (!spec) return new UsageError(`未知选项「${t.rawName}」。${unknownHint}${helpHint(command)}`, t.rawName);
    if (spec.type === 'string' && (t.value === undefined || !t.inlineValue)) {
      return new UsageError(`选项「${t.rawName}」需要一个值 ${spec.value}。${helpHint(command)}`, t.rawName);
    }
    if (spec.type === 'boolean' && t.value !== undefined) return new UsageError(`选项「${t.rawName}」不带值。${helpHint(command)}`, t.rawName);
  }
  return new UsageError(`命令行无法解析。${helpHint(command)}`);
}

/**
 * The options of the variant the first argument names (Command.optionsByArg), or none when the
 * command has no variants. An unknown value is a usage error listing the valid ones.
 */
function variantOf(command: Command, argv: readonly string[]): { key: string; specs: OptionSpecs } | null {
  const by = command.optionsByArg;
  if (!by) return null;
  const key = firstPositional(argv, allOptions(command), by);
  if (key === undefined) {
    const first = command.args[0];
    if (first?.required) throw new UsageError(`缺少参数 <${first.name}>。${helpHint(command.name)}`, first.name);
    return null;
  }
  const specs = by.variants[key];
  if (!specs) throw new UsageError(`未知的${by.label}「${key}」。可用的${by.label}：${Object.keys(by.variants).join('、')}。${helpHint(command.name)}`, key);
  return { key, specs };
}

export function parseCommandLine(command: Command, argv: readonly string[]): ParsedCommandLine {
  const name = command.name;
  if (asksForHelp(argv)) return { args: [], options: {}, argOptions: {}, help: true };
  const variant = variantOf(command, argv);
  const specs: OptionSpecs = variant ? { ...command.options, ...variant.specs, ...GLOBAL_OPTIONS } : allOptions(command);
  const joined = joinValues(argv, specs);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: joined, options: specs as ParseArgsConfig['options'], strict: true, allowPositionals: true });
  } catch {
    throw diagnose(joined, specs, name, variant ? variantHint(command.optionsByArg!, variant.key) : '');
  }

  const options: Record<string, unknown> = {};
  const argOptions: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const into = variant && key in variant.specs ? argOptions : options;
    const raw = parsed.values[key];
    if (raw === undefined) {
      if (spec.type === 'string' && spec.required) throw new UsageError(`缺少选项 --${key} ${spec.value}。${helpHint(name)}`, `--${key}`);
      continue;
    }
    if (spec.type === 'boolean' || !spec.parse) { into[key] = raw; continue; }
    try {
      into[key] = spec.parse(raw as string);
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
  return { args, options, argOptions, help: false };
}

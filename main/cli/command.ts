/**
 * How a command declares itself: its words, usage line, summary, positional arguments and
 * options. The parser (parse-options.ts) and the help (help.ts) read only these declarations,
 * so what `vship help` says is what the parser accepts.
 */
import type { Core } from '../handlers';
import type { ExitCode } from './exit-codes';

/** An option without a value: present or not. */
export interface FlagOption {
  type: 'boolean';
  /** One letter for `-x`. */
  short?: string;
  /** One line of Chinese for the help. */
  description: string;
}

/** An option with a value, e.g. `--shop <店铺名>`. */
export interface ValueOption<T = unknown> {
  type: 'string';
  short?: string;
  /** The placeholder the help shows after the option, e.g. `<店铺名>`. */
  value: string;
  description: string;
  /** Missing it is a usage error. */
  required?: boolean;
  /** Checks and converts the text; throws InvalidValue (option-values.ts) when it has the wrong form. */
  parse?: (raw: string) => T;
}

export type OptionSpec = FlagOption | ValueOption;
export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S> = S extends { parse: (raw: string) => infer T } ? T : S extends { type: 'string' } ? string : boolean;

/** The parsed options of a command, typed from its declaration. */
export type OptionValues<O extends OptionSpecs> =
  { [K in keyof O as O[K] extends { required: true } ? K : never]: ValueOf<O[K]> } &
  { [K in keyof O as O[K] extends { required: true } ? never : K]?: ValueOf<O[K]> };

/** A positional argument, shown in the help as `<name>` (or `<name>...` when variadic). */
export interface ArgSpec {
  name: string;
  /** Missing it is a usage error. */
  required?: boolean;
  /** Takes all the remaining positionals; only the last argument may. */
  variadic?: boolean;
}

/** Options every command takes, declared once and merged into each. */
export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string', value: '<目录>', description: '数据文件夹（默认：系统应用数据目录下的 VShip，或环境变量 VSHIP_DATA_DIR）' },
  json: { type: 'boolean', description: '以 JSON 输出（便于脚本处理）' },
  help: { type: 'boolean', short: 'h', description: '显示帮助' },
} as const satisfies OptionSpecs;

/**
 * Options named by an argument: `vship rules set <规则> --maxDays 7` takes the parameters of the
 * rule it names, and only those. The command declares every variant (argument value → its
 * options), so the parser stays strict and the help lists each variant's options. The argument
 * must be the first positional; an unknown value is a usage error listing the valid ones.
 */
export interface OptionsByArg {
  /** What the argument names, for messages and the help: `规则`. */
  label: string;
  /** What its options are, for messages and the help: `参数`. */
  optionsLabel: string;
  /** Each valid value of the argument and the options it takes (may be none). */
  variants: Readonly<Record<string, OptionSpecs>>;
}

export interface CommandContext<O extends OptionSpecs> {
  /** Positional arguments after the command words. */
  args: string[];
  options: OptionValues<O>;
  /** The values of the options the first argument called for (optionsByArg), converted by their `parse`. */
  argOptions: Record<string, unknown>;
  json: boolean;
  /** The core over the data folder, opened on first use and closed after the command. */
  readonly core: Core;
}

export interface CommandSpec<O extends OptionSpecs> {
  /** The command words: `fill`, `stock void`. */
  name: string;
  /** What follows the words in the usage line: `<文件>... [--shop <店铺名>]`. */
  usage: string;
  /** One line of Chinese. */
  summary: string;
  args?: readonly ArgSpec[];
  options: O;
  /** Options that depend on the first argument (see OptionsByArg). */
  optionsByArg?: OptionsByArg;
  /** Returns the exit code (exit-codes.ts); throws UsageError or InputError. */
  run(ctx: CommandContext<O>): Promise<ExitCode>;
}

/** A command as the registry holds it, its option types erased. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  args: readonly ArgSpec[];
  options: OptionSpecs;
  optionsByArg?: OptionsByArg;
  run(ctx: CommandContext<OptionSpecs>): Promise<ExitCode>;
}

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  for (const [value, specs] of Object.entries(spec.optionsByArg?.variants ?? {})) {
    const taken = Object.keys(specs).find((k) => k in spec.options || k in GLOBAL_OPTIONS);
    // A programming error, caught by any test that loads the registry.
    if (taken) throw new Error(`${spec.name}: option --${taken} of ${value} is declared twice`);
  }
  return { args: [], ...spec } as unknown as Command;
}

/** The options a command accepts: its own, then the global ones. */
export function allOptions(command: Command): OptionSpecs {
  return { ...command.options, ...GLOBAL_OPTIONS };
}

/**
 * Help text, generated from the command declarations: the overview (`vship --help`) and one
 * command's usage and options (`vship help fill`, `vship fill --help`).
 */
import { VERSION } from '../handlers';
import { GLOBAL_OPTIONS, type Command, type OptionsByArg, type OptionSpecs } from './command';
import { commandsUnder } from './find-command';

const USAGE_COLUMN = 44;
const WIDTH = 100;

/** Columns a terminal gives the text: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - displayWidth(s)));
}

/** Splits a usage line at spaces outside brackets, so `[--sep ----|tab]` stays in one piece. */
function usageParts(usage: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of usage) {
    if (ch === '[' || ch === '(') depth++;
    if (ch === ']' || ch === ')') depth--;
    if (ch === ' ' && depth === 0) { if (cur) parts.push(cur); cur = ''; } else cur += ch;
  }
  if (cur) parts.push(cur);
  return parts;
}

/** `vship <name> <usage>`, wrapped at WIDTH with continuation lines indented. */
export function usageLines(command: Command, indent: string): string[] {
  const lines: string[] = [];
  let line = `${indent}vship ${command.name}`;
  let empty = true;
  for (const part of usageParts(command.usage)) {
    if (!empty && displayWidth(line) + 1 + displayWidth(part) > WIDTH) {
      lines.push(line);
      line = `${indent}     `;
    }
    line += ` ${part}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** One command in the overview: its usage, the summary beside it or under it. */
function overviewEntry(command: Command): string[] {
  const lines = usageLines(command, '  ');
  const last = lines[lines.length - 1];
  if (lines.length === 1 && displayWidth(last) < USAGE_COLUMN - 1) return [pad(last, USAGE_COLUMN) + command.summary];
  return [...lines, ' '.repeat(USAGE_COLUMN) + command.summary];
}

function optionName(key: string, spec: OptionSpecs[string]): string {
  const long = spec.type === 'string' ? `--${key} ${spec.value}` : `--${key}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

function optionTable(specs: OptionSpecs): string[] {
  const rows = Object.entries(specs).map(([key, spec]) => [optionName(key, spec), spec.description + (spec.type === 'string' && spec.required ? '（必填）' : '')]);
  const column = Math.min(30, Math.max(...rows.map(([n]) => displayWidth(n))) + 4);
  return rows.flatMap(([n, d]) => (displayWidth(n) + 4 > column ? [`  ${n}`, ' '.repeat(column) + d] : [pad(`  ${n}`, column) + d]));
}

/** Each value of the argument with its options; the values without options on one line. */
function variantHelp(by: OptionsByArg): string[] {
  const entries = Object.entries(by.variants);
  const lines = [`各${by.label}的${by.optionsLabel}:`];
  for (const [value, specs] of entries) {
    if (Object.keys(specs).length) lines.push(`  ${value}`, ...optionTable(specs).map((l) => `  ${l}`));
  }
  const none = entries.filter(([, specs]) => !Object.keys(specs).length).map(([value]) => value);
  if (none.length) {
    let line = `  没有${by.optionsLabel}：`;
    for (const [i, v] of none.entries()) {
      const part = v + (i < none.length - 1 ? '、' : '');
      if (displayWidth(line) + displayWidth(part) > WIDTH) { lines.push(line); line = '    '; }
      line += part;
    }
    lines.push(line);
  }
  return lines;
}

/** `vship --help`: every command of the registry, then the global options. */
export function overviewHelp(registry: readonly Command[]): string {
  const help: Command = { name: 'help', usage: '[<命令>]', summary: '显示某个命令的用法和选项', args: [], options: {}, run: async () => 0 };
  return [
    `VShip 虚拟发货助手 ${VERSION} — 命令行`,
    '',
    '用法:',
    ...[...registry, help].flatMap(overviewEntry),
    '',
    '通用选项:',
    ...optionTable(GLOBAL_OPTIONS),
    '',
  ].join('\n');
}

/** `vship help <command>`: its usage, summary, options, the commands under its word, the global options. */
export function commandHelp(registry: readonly Command[], command: Command): string {
  const under = commandsUnder(registry, command.name.split(' ')[0]).filter((c) => c !== command && command.name.split(' ').length === 1);
  const lines = ['用法:', ...usageLines(command, '  '), '', command.summary, ''];
  if (Object.keys(command.options).length) lines.push('选项:', ...optionTable(command.options), '');
  if (command.optionsByArg) lines.push(...variantHelp(command.optionsByArg), '');
  if (under.length) lines.push('子命令:', ...under.flatMap(overviewEntry), '');
  lines.push('通用选项:', ...optionTable(GLOBAL_OPTIONS), '');
  return lines.join('\n');
}

/** `vship help product`: a word that only has sub-commands. */
export function groupHelp(registry: readonly Command[], word: string): string {
  return ['用法:', ...commandsUnder(registry, word).flatMap(overviewEntry), '', `运行 vship help ${word} <子命令> 查看选项`, ''].join('\n');
}

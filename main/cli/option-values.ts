/**
 * Value checks for declared options. Each throws InvalidValue with the reason in Chinese; the
 * parser adds the option's name and the value it got.
 */

export class InvalidValue extends Error {}

export function nonNegativeInt(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidValue('需要一个非负整数');
  return n;
}

export function positiveInt(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n <= 0) throw new InvalidValue('需要一个正整数');
  return n;
}

export function oneOf<const T extends string>(choices: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(choices as readonly string[]).includes(raw)) throw new InvalidValue(`只能是 ${choices.join('、')}`);
    return raw as T;
  };
}

/** `1,2,3`: item numbers. */
export function idList(raw: string): number[] {
  const ids = raw.split(',').map((x) => x.trim());
  if (!ids.every((x) => /^\d+$/.test(x) && Number(x) > 0)) throw new InvalidValue('需要用逗号分隔的正整数，如 1,2,3');
  return ids.map(Number);
}

/** `江苏,浙江` (also with ，or 、): names. */
export function nameList(raw: string): string[] {
  return raw.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
}

/** `YYYY-MM-DD`, a real day. */
export function isoDate(raw: string): string {
  const d = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) throw new InvalidValue('需要一个日期 YYYY-MM-DD');
  return raw;
}

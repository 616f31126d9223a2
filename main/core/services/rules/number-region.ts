// Placeholder until the number-prefix data lands (branch `region`): same API, knows no number.
export function provinceOfNumber(no: string): string | null { void no; return null; }
export const NUMBER_REGION_SOURCE = { name: '', version: '', dataVersion: '' };

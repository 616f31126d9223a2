/**
 * The design tokens: the one list of the app's colours and fonts. antd's theme (./theme.ts) reads
 * them from here, and `applyTokens()` writes each as a CSS custom property on :root
 * (`surfaceHover` → `--vs-surface-hover`) before the first render, so the stylesheets use
 * `var(--vs-…)` and never a colour of their own.
 */

export const colors = {
  // Brand and the meaning of states (counts, deadlines, tags).
  primary: '#1664d9',
  ok: '#2f9e44',
  blocked: '#d9480f',
  overdue: '#cf1322',
  soon: '#d97706',
  brandFrom: '#2f7bf0',
  brandTo: '#1450b8',
  /** The import's write phase in its progress bar (antd's green). */
  progressWrite: '#52c41a',

  // Text, lines and surfaces.
  text: '#1f2329',
  text2: '#5c6370',
  text3: '#8a919e',
  border: '#e3e7ee',
  borderSoft: '#eef0f4',
  surface: '#fff',
  bgLayout: '#f3f5f8',
  bgHeader: '#f6f7f9',
  bgSubtle: '#fafbfc',
  viewSwitchBg: '#eef1f5',
  contentBg: '#fbfcfe',
  headerHover: '#eceff4',
  sortIcon: '#c3c8d0',
  rawTab: '#b0b6c0',
  skeleton: '#eef0f3',
  skeletonShine: '#e3e6eb',

  // Grid rows.
  rowHover: '#f4f8ff',
  rowOverdue: '#fff4f3',
  rowOverdueHover: '#ffeceb',
  rowSelected: '#e3eeff',
  rowCheckedHover: '#e5efff',
  iconHoverBg: '#e6efff',

  // Drop targets.
  dropBorder: '#b8c7de',
  dropHoverBg: '#f7faff',
  refuseBorder: '#a0a6b0',
  stockDropBg: '#f9fbfe',
  stockDropHoverBg: '#f3f8ff',

  // Tags and messages: text, background, border of each tone.
  okText: '#237804',
  okBg: '#f0f9eb',
  okBorder: '#c5e8b0',
  blockedText: '#c0262d',
  blockedBg: '#fff1f0',
  blockedBorder: '#ffccc7',
  infoText: '#0b4fb3',
  infoBg: '#eef5ff',
  infoBorder: '#bcd3f7',
  itemText: '#1d3f73',
  itemBg: '#f0f5ff',
  itemBorder: '#cddcf5',
  kindBg: '#edf3fd',
  kindCustomText: '#38485e',
  purpleText: '#5b2c8a',
  purpleBg: '#f7f0ff',
  purpleBorder: '#dfccf5',
  neutralText: '#6b7380',
  neutralBorder: '#dde2ea',
  expiredBg: '#fff7e6',
  expiredBorder: '#ffd591',
  warningText: '#ad4e00',
  tentativeText: '#ad6800',
  errorText: '#a8071a',
  afterSaleOpen: '#c2410c',
  unconfirmed: '#faad14',
} as const;

export const fonts = {
  // Windows system fonts first (the product runs there), then the CJK fonts of other systems.
  base: '"Microsoft YaHei UI", "Microsoft YaHei", "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif',
  mono: 'Consolas, "Cascadia Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace',
} as const;

/** `text2` → `--vs-text-2`, `rowOverdueHover` → `--vs-row-overdue-hover`. */
export function cssVarName(token: string): string {
  return `--vs-${token.replace(/([A-Z]|\d+)/g, (m) => `-${m.toLowerCase()}`)}`;
}

/** Every token as a CSS custom property (colours by name, fonts as `--vs-font-…`). */
export function cssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(colors)) vars[cssVarName(name)] = value;
  for (const [name, value] of Object.entries(fonts)) vars[cssVarName(`font-${name}`)] = value;
  return vars;
}

/** Writes the tokens on :root; called once at startup, before React renders. */
export function applyTokens(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(cssVariables())) root.style.setProperty(name, value);
}

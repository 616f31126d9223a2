/** Separators between a card number and its password (or login and password), in detection order. */
export const STOCK_SEPARATORS = ['----', '|', '\t', ',', ' '] as const;
export type StockSep = (typeof STOCK_SEPARATORS)[number];

/** What the merchant may choose: a separator, or detection. */
export const STOCK_SEP_CHOICES = [...STOCK_SEPARATORS, 'auto'] as const;
export type StockSepChoice = (typeof STOCK_SEP_CHOICES)[number];

/** `vship stock import --sep NAME`: the names a shell can pass (a tab or a space cannot be typed as is). */
export const STOCK_SEP_NAMES: Readonly<Record<string, StockSepChoice>> = { '----': '----', '|': '|', tab: '\t', ',': ',', space: ' ', auto: 'auto' };

/** A word per choice, for UI labels (`stockImport.sep.<word>` in the renderer's catalogue). */
export const STOCK_SEP_WORDS: Readonly<Record<StockSepChoice, string>> = { auto: 'auto', '----': 'dashes', '|': 'bar', '\t': 'tab', ',': 'comma', ' ': 'space' };

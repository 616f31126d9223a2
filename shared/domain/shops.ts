/** Shops, settings and what the app reports about itself. Names follow the glossary (../docs/STYLE.md). */
export interface Shop {
  id: number;
  name: string;
  createdAt: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'cli';
  dataDir: string;
  schemaVersion: number;
  /** The data folder cannot be written: the UI shows everything and says that changes are not possible. */
  readOnly: boolean;
}

export interface Settings {
  /** Ship promise in hours when the export has no 承诺发货时间. */
  shipPromiseHours: number;
  currentShopId: number;
  /** Hours an account rests after a rental ends before it can be rented again. */
  accountCooldownHours: number;
}

import type { AppInfo } from '../../../shared/domain';
import { SCHEMA_VERSION } from '../db/open';
import { VERSION } from '../version';

/** What the app says about itself: version, which host runs it, where its data lives, whether it can change it. */
export function appInfo(host: AppInfo['host'], dataDir: string, readOnly = false): AppInfo {
  return { version: VERSION, host, dataDir, schemaVersion: SCHEMA_VERSION, readOnly };
}

import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder: `--data-dir DIR` (or `--data-dir=DIR`), else VSHIP_DATA_DIR, else the OS
 * app-data folder "VShip" — the same path for the desktop app, browser mode and the CLI.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length);
  }
  if (env.VSHIP_DATA_DIR) return env.VSHIP_DATA_DIR;
  return defaultDataDir(env);
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'VShip');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'VShip');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'VShip');
}

export function electronSqlitePath(root: string, abi: string): string;
export function electronSqlite(exe: string, root: string): { ok: boolean; binding: string | null };
export const ELECTRON_SQLITE_HELP: string;

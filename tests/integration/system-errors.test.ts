import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase } from '../../main/core/db/open';
import { runFill } from '../../main/core/services/allocation/fill';
import { createShop } from '../../main/core/services/shops';
import { toSystemError } from '../../main/core/system-errors';
import { openCore, toErrorResult } from '../../main/handlers';
import { AppError, ERROR_CODES } from '../../shared/errors';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli, VSHIP, vship } from '../helpers/cli';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
useBuiltCli();
const WEB = join(__dirname, '..', '..', 'out', 'main', 'web.cjs');

/** A data folder with one import in it, closed again. */
function filledFolder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 20, seed: 5 })));
  expect(vship(['import', join(dir, 'o.csv'), '--data-dir', dir]).code).toBe(0);
  return dir;
}

const fsError = (code: string, path = '/some/file.csv') => Object.assign(new Error(`${code}: x, open '${path}'`), { code, errno: -1, syscall: 'open', path });
const sqliteError = (code: string) => Object.assign(new Error('sqlite says no'), { code, name: 'SqliteError' });

describe('system errors get their own code instead of INTERNAL', () => {
  it('maps SQLite result codes and file-system errno codes in one table', () => {
    const cases: [unknown, string | null][] = [
      [sqliteError('SQLITE_FULL'), 'DISK_FULL'],
      [sqliteError('SQLITE_BUSY'), 'DB_BUSY'],
      [sqliteError('SQLITE_BUSY_SNAPSHOT'), 'DB_BUSY'],
      [sqliteError('SQLITE_LOCKED_SHAREDCACHE'), 'DB_BUSY'],
      [sqliteError('SQLITE_CORRUPT'), 'DB_CORRUPT'],
      [sqliteError('SQLITE_CORRUPT_INDEX'), 'DB_CORRUPT'],
      [sqliteError('SQLITE_NOTADB'), 'DB_CORRUPT'],
      [sqliteError('SQLITE_READONLY'), 'DATA_READ_ONLY'],
      [sqliteError('SQLITE_READONLY_DIRECTORY'), 'DATA_READ_ONLY'],
      [sqliteError('SQLITE_IOERR_WRITE'), 'FS_ERROR'],
      [sqliteError('SQLITE_IOERR_FSYNC'), 'FS_ERROR'],
      [sqliteError('SQLITE_CANTOPEN'), 'FS_ERROR'],
      [sqliteError('SQLITE_PERM'), 'FILE_ACCESS_DENIED'],
      [sqliteError('SQLITE_CONSTRAINT_UNIQUE'), null],
      [fsError('ENOSPC'), 'DISK_FULL'],
      [fsError('EDQUOT'), 'DISK_FULL'],
      [fsError('EACCES'), 'FILE_ACCESS_DENIED'],
      [fsError('EPERM'), 'FILE_ACCESS_DENIED'],
      [fsError('EROFS'), 'DATA_READ_ONLY'],
      [fsError('ENOENT'), 'FILE_NOT_FOUND'],
      [fsError('ENOTDIR'), 'FILE_NOT_FOUND'],
      [fsError('EBUSY'), 'FS_ERROR'],
      [fsError('EMFILE'), 'FS_ERROR'],
      [fsError('EIO'), 'FS_ERROR'],
      [new Error('a bug'), null],
      ['text', null],
    ];
    for (const [e, code] of cases) {
      const got = toSystemError(e);
      expect(got?.code ?? null, String((e as { code?: string }).code ?? e)).toBe(code);
      const r = toErrorResult(e);
      const want = (code ?? 'INTERNAL') as keyof typeof ERROR_CODES;
      expect(r, want).toMatchObject({ ok: false, error: { code: want } });
      expect(!r.ok && r.error.message.startsWith(ERROR_CODES[want]), `${want}: ${!r.ok && r.error.message}`).toBe(true);
    }
    // A write-protected file outside the data folder is that file's permission, not a read-only data folder.
    expect(toSystemError(fsError('EROFS', '/mnt/cd/x.csv'), { dataDir: '/home/u/VShip' })?.code).toBe('FILE_ACCESS_DENIED');
    expect(toSystemError(fsError('EROFS', '/home/u/VShip/vship.db'), { dataDir: '/home/u/VShip' })?.code).toBe('DATA_READ_ONLY');
    expect(toSystemError(fsError('ENOSPC'))?.detail).toBe('ENOSPC: /some/file.csv');
  });

  it('a full disk (SQLITE_FULL) is DISK_FULL, and the write is not half done', () => {
    const db = openDatabase(tempDir());
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let err: unknown;
    try {
      db.transaction(() => { for (let i = 0; i < 2000; i++) createShop(db, `店铺-${i}-${'长'.repeat(50)}`); })();
    } catch (e) { err = e; }
    expect((err as { code?: string }).code).toBe('SQLITE_FULL');
    expect(toErrorResult(err)).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringContaining('磁盘空间不足') } });
    expect(db.prepare('SELECT count(*) FROM shops').pluck().get()).toBe(0);
    db.close();
  });

  it('a damaged vship.db is DB_CORRUPT at start: for the core, the CLI (exit 1) and browser mode, never a crash', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), Buffer.alloc(64 * 1024, 'garbage! '));
    let err: unknown;
    try { openCore({ dataDir: dir, host: 'cli' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DB_CORRUPT');
    const cli = vship(['orders', '--data-dir', dir, '--json']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`错误：${ERROR_CODES.DB_CORRUPT}`);
    expect(JSON.parse(cli.stdout).error.code).toBe('DB_CORRUPT');
    const web = spawnSync(process.execPath, [WEB, '--data-dir', dir, '--no-open'], { encoding: 'utf8', timeout: 15_000 });
    expect(web.status).toBe(1);
    expect(web.stderr).toContain(ERROR_CODES.DB_CORRUPT);
    expect(web.stdout).not.toContain('VSHIP_URL=');
  });

  it('a database another VShip holds locked is DB_BUSY after the wait, in the core and the CLI', async () => {
    const dir = filledFolder();
    const other = new Database(join(dir, DB_FILE));
    other.exec('BEGIN IMMEDIATE');
    const before = process.env.VSHIP_BUSY_TIMEOUT_MS;
    process.env.VSHIP_BUSY_TIMEOUT_MS = '50';
    try {
      const core = openCore({ dataDir: dir, host: 'cli' });
      const r = await core.dispatch('shops.create', { name: '第二家' }, () => undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'DB_BUSY', message: expect.stringContaining('另一个 VShip') } });
      // Reading goes on meanwhile (WAL).
      expect(await core.dispatch('shops.list', undefined, () => undefined)).toMatchObject({ ok: true });
      core.close();
      const cli = vship(['shops', 'add', '第二家', '--data-dir', dir, '--json'], { VSHIP_BUSY_TIMEOUT_MS: '50' });
      expect(cli.code).toBe(1);
      expect(JSON.parse(cli.stdout).error.code).toBe('DB_BUSY');
      expect(cli.stderr).toContain(ERROR_CODES.DB_BUSY);
    } finally {
      if (before === undefined) delete process.env.VSHIP_BUSY_TIMEOUT_MS;
      else process.env.VSHIP_BUSY_TIMEOUT_MS = before;
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('a read-only data folder can be viewed, not changed', () => {
  it('opened read-only, the core lists orders, reports readOnly and refuses every change with DATA_READ_ONLY', async () => {
    const dir = filledFolder();
    const core = openCore({ dataDir: dir, host: 'web', readOnly: true });
    expect(core.readOnly).toBe(true);
    const noop = () => undefined;
    expect(await core.dispatch('shops.appInfo', undefined, noop)).toMatchObject({ ok: true, value: { readOnly: true } });
    const orders = await core.dispatch('orders.list', { shopId: 1 }, noop);
    expect(orders.ok).toBe(true);
    expect(await core.dispatch('products.list', { shopId: 1 }, noop)).toMatchObject({ ok: true });
    expect(await core.dispatch('shops.checkDb', undefined, noop)).toMatchObject({ ok: true, value: { ok: true } });
    expect(await core.dispatch('shops.create', { name: '新店' }, noop)).toMatchObject({ ok: false, error: { code: 'DATA_READ_ONLY' } });
    expect(await core.dispatch('allocation.fill', { shopId: 1 }, noop)).toMatchObject({ ok: false, error: { code: 'DATA_READ_ONLY' } });
    const t = generateOrders({ count: 3, seed: 6 });
    expect(await core.dispatch('import.orders', { shopId: 1, files: [{ name: 'b.csv', bytes: new Uint8Array(toCsv(t)) }] }, noop)).toMatchObject({ ok: false, error: { code: 'DATA_READ_ONLY' } });
    core.close();
    const rw = openCore({ dataDir: dir, host: 'cli' });
    expect(rw.readOnly).toBe(false);
    expect(await rw.dispatch('shops.appInfo', undefined, noop)).toMatchObject({ ok: true, value: { readOnly: false } });
    rw.close();
  });

  it('a read-only folder whose database needs migrating, or has none yet, is DATA_READ_ONLY at start', () => {
    const dir = filledFolder();
    const db = new Database(join(dir, DB_FILE));
    db.pragma('user_version = 3');
    db.close();
    expect(() => openDatabase(dir, { readOnly: true })).toThrow(expect.objectContaining({ code: 'DATA_READ_ONLY' }));
    const empty = tempDir();
    expect(() => openDatabase(empty, { readOnly: true })).toThrow(expect.objectContaining({ code: 'DATA_READ_ONLY' }));
    expect(existsSync(join(empty, DB_FILE))).toBe(false);
  });

  // chmod does not restrict root: as root the CLI runs as `nobody` (setpriv), else as this user.
  const root = process.getuid?.() === 0;
  const setpriv = root && spawnSync('setpriv', ['--version']).status === 0;
  // As `nobody`, the checkout itself must be readable (a clone under a 0700 temp folder is not):
  // probed by running the CLI as that user, and skipped with that reason when it cannot run.
  const nobodyRuns = !setpriv || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, VSHIP, '--version']).status === 0;
  const canRestrict = process.platform !== 'win32' && (!root || (setpriv && nobodyRuns));
  it.skipIf(!canRestrict)('a folder without write permission opens read-only by itself: lists work, changes say DATA_READ_ONLY (exit 1)', () => {
    const dir = filledFolder();
    chmodSync(join(dir, DB_FILE), 0o444);
    chmodSync(dir, 0o555);
    const as = (args: string[]) => {
      const cmd = root ? 'setpriv' : process.execPath;
      const argv = root ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, VSHIP, ...args] : [VSHIP, ...args];
      const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, HOME: dir } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    try {
      const list = as(['orders', '--data-dir', dir, '--json']);
      expect(list.code, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout).length).toBeGreaterThan(0);
      const check = as(['check-db', '--data-dir', dir]);
      expect(check.code, check.stderr).toBe(0);
      const add = as(['shops', 'add', '新店', '--data-dir', dir, '--json']);
      expect(add.code).toBe(1);
      expect(JSON.parse(add.stdout).error.code).toBe('DATA_READ_ONLY');
      expect(add.stderr).toContain('数据文件夹是只读的');
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(join(dir, DB_FILE), 0o644);
    }
  });
});

describe('vship messages --out writes the whole file or none', () => {
  /** A closed data folder with 300 filled code orders: a messages file of ~40 KB. */
  function filledShop(): string {
    const dir = tempDir();
    const { db, shopId } = codeShop(dir, generateOrders({ count: 300, seed: 61, statusMix: 'all-shippable' }), (_k, w) => w);
    expect(runFill(db, shopId).filled).toBeGreaterThan(100);
    db.close();
    return dir;
  }

  it('leaves no temporary file beside a target it cannot replace (a folder), and an earlier file whole', () => {
    const dir = filledShop();
    const outDir = tempDir();
    const ok = vship(['messages', '--out', join(outDir, 'm.csv'), '--data-dir', dir]);
    expect(ok.code, ok.stderr).toBe(0);
    const earlier = readFileSync(join(outDir, 'm.csv'));
    expect(earlier.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    mkdirSync(join(outDir, 'taken.csv', 'inside'), { recursive: true });
    const bad = vship(['messages', '--out', join(outDir, 'taken.csv'), '--data-dir', dir, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('FS_ERROR');
    expect(readdirSync(outDir).sort()).toEqual(['m.csv', 'taken.csv']);
    expect(readFileSync(join(outDir, 'm.csv'))).toEqual(earlier);
  });

  // A full disk for real: a 16 KB tmpfs (root only; skipped where mount is refused, as in many containers).
  it('on a full disk is DISK_FULL, and the messages file written there before is still whole', (ctx) => {
    const m = mkdtempSync(join(tmpdir(), 'vship-full-'));
    if (process.platform !== 'linux' || process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', m]).status !== 0) {
      rmSync(m, { recursive: true, force: true });
      ctx.skip();
    }
    try {
      const dir = filledShop();
      writeFileSync(join(m, 'm.csv'), '\uFEFF订单号,发货内容\r\n"260101-000000000000001","早先的消息"\r\n');
      const earlier = readFileSync(join(m, 'm.csv'));
      const r = vship(['messages', '--out', join(m, 'm.csv'), '--data-dir', dir, '--json']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error.code).toBe('DISK_FULL');
      expect(readFileSync(join(m, 'm.csv'))).toEqual(earlier);
      expect(readdirSync(m)).toEqual(['m.csv']);
    } finally {
      spawnSync('umount', [m]);
      rmSync(m, { recursive: true, force: true });
    }
  });
});

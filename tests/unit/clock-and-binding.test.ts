import { afterEach, describe, expect, it } from 'vitest';
import { sqliteOptions } from '../../main/core/db/open';
import { nowIso, nowMs } from '../../main/core/services/clock';

const saved = process.env.VSHIP_NOW;
afterEach(() => {
  if (saved === undefined) delete process.env.VSHIP_NOW;
  else process.env.VSHIP_NOW = saved;
});

describe('the clock', () => {
  it('is pinned by VSHIP_NOW, an ISO time', () => {
    process.env.VSHIP_NOW = '2026-06-20T12:30:00+08:00';
    expect(nowMs()).toBe(Date.parse('2026-06-20T04:30:00Z'));
    expect(nowIso()).toBe('2026-06-20T12:30:00+08:00');
  });

  it('ignores an unparsable VSHIP_NOW rather than dating everything NaN', () => {
    process.env.VSHIP_NOW = 'tomorrow';
    const t = nowMs();
    expect(Number.isFinite(t)).toBe(true);
    expect(Math.abs(t - Date.now())).toBeLessThan(60_000);
  });
});

describe('the better-sqlite3 build', () => {
  const node = { ...process.versions, electron: undefined } as unknown as NodeJS.ProcessVersions;
  const electron = { ...process.versions, electron: '45.5.0' } as NodeJS.ProcessVersions;
  const env = { VSHIP_SQLITE_BINDING: '/checkout/native/electron-abi140/better_sqlite3.node' };

  it("is Node's own under Node, whatever the environment says", () => {
    expect(sqliteOptions(node, env)).toEqual({});
  });

  it('is the Electron build beside it inside Electron, when the shell names one', () => {
    expect(sqliteOptions(electron, env)).toEqual({ nativeBinding: env.VSHIP_SQLITE_BINDING });
    expect(sqliteOptions(electron, {})).toEqual({});
  });
});

/**
 * The browser-mode host's evidence route, `/t/<token>/evidence/<id>`: an <img> of the page loads
 * one evidence file by id, under the page's token; nothing else reaches the core, no path from
 * the URL ever names a file, an altered file is refused, and no request takes the host down.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import type { EvidenceAddResult } from '../../shared/domain/evidence';
import { sha256Hex } from '../../main/core/services/evidence/store';
import { openCore, type Core } from '../../main/handlers';
import { startWebHost, type WebHost } from '../../main/web/server';
import { png } from '../fixtures/evidence';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';

const tempDir = useTempDirs();
let host: WebHost | null = null;
afterEach(async () => {
  if (host) await host.close();
  host = null;
});

/** A PNG's first bytes: the route hands back what the core gives, byte for byte. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

type FileResult = Result<{ name: string; mime: string; bytes: Uint8Array }>;

/** A core that answers evidence.file from `files` by id (what the real one does, minus the database), recording each request. */
function fakeCore(files: Record<number, FileResult | (() => never)>): Core & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    dataDir: tempDir(),
    readOnly: false,
    asked,
    async dispatch(channel, req) {
      asked.push({ channel, req });
      if (channel !== 'evidence.file') return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
      const id = (req as { id: number }).id;
      const f = files[id];
      if (typeof f === 'function') return f();
      return f ?? { ok: false, error: { code: 'EVIDENCE_NOT_FOUND', message: '找不到该凭证' } };
    },
    close() {},
  };
}

async function start(core: Core): Promise<WebHost> {
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>VShip</title>');
  host = await startWebHost(core, { staticDir });
  return host;
}

/** A raw request: the path goes out exactly as written (dots and escapes included). */
function get(h: WebHost, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const ok = (name: string, mime: string, bytes = PNG): FileResult => ({ ok: true, value: { name, mime, bytes } });

describe('the evidence route of the browser-mode host', () => {
  it('serves a file by id under the token, with its type, a locked-down CSP, nosniff, a private cache and its Chinese name', async () => {
    const core = fakeCore({ 7: ok('官网截图-240612.png', 'image/png') });
    const h = await start(core);
    const r = await get(h, `/t/${h.token}/evidence/7`);
    expect(r.status).toBe(200);
    expect(Buffer.compare(r.body, Buffer.from(PNG))).toBe(0);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toMatch(/^private\b/);
    expect(r.headers['content-disposition']).toBe(`inline; filename="____-240612.png"; filename*=UTF-8''${encodeURIComponent('官网截图-240612.png')}`);
    expect(core.asked).toEqual([{ channel: 'evidence.file', req: { id: 7 } }]);
  });

  it('answers HEAD with the headers and no body', async () => {
    const h = await start(fakeCore({ 3: ok('a.pdf', 'application/pdf') }));
    const r = await get(h, `/t/${h.token}/evidence/3`, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-length']).toBe(String(PNG.byteLength));
    expect(r.body.byteLength).toBe(0);
  });

  it('refuses without the token or with a wrong one, before the core is asked', async () => {
    const core = fakeCore({ 7: ok('a.png', 'image/png') });
    const h = await start(core);
    expect((await get(h, '/evidence/7')).status).toBe(403);
    expect((await get(h, '/t/wrong-token/evidence/7')).status).toBe(403);
    expect((await get(h, `/t/${h.token.slice(0, -1)}x/evidence/7`)).status).toBe(403);
    expect(core.asked).toEqual([]);
  });

  it('takes digits only as the id: anything else is 404 and never reaches the core', async () => {
    const core = fakeCore({ 7: ok('a.png', 'image/png') });
    const h = await start(core);
    for (const bad of ['abc', '0', '-1', '7.0', '1e3', '07', '%207', '%37', '7%00', '99999999999999999999', '']) {
      const r = await get(h, `/t/${h.token}/evidence/${bad}`);
      expect(r.status, bad).toBe(404);
      expect(r.body.toString('utf8'), bad).toBe('找不到该凭证');
    }
    expect(core.asked).toEqual([]);
  });

  it('never turns the URL into a path: traversal attempts are refused and no file of the data folder is served', async () => {
    const core = fakeCore({ 7: ok('a.png', 'image/png') });
    const h = await start(core);
    writeFileSync(join(core.dataDir, 'vship.db'), 'SECRET-DB');
    const attempts = [
      `/t/${h.token}/evidence/..%2f..%2fvship.db`,
      `/t/${h.token}/evidence/%2e%2e/%2e%2e/vship.db`,
      `/t/${h.token}/evidence/7/../../../vship.db`,
      `/t/${h.token}/evidence/7%2f..%2f..%2fvship.db`,
      `/t/${h.token}/evidence/..\\..\\vship.db`,
      `/t/${h.token}/evidence/7/extra`,
    ];
    for (const path of attempts) {
      const r = await get(h, path);
      expect([403, 404], path).toContain(r.status);
      expect(r.body.toString('utf8'), path).not.toContain('SECRET-DB');
    }
    expect(core.asked).toEqual([]);
  });

  it('refuses an altered file with 409 and says so in Chinese; an unknown or missing one is 404', async () => {
    const h = await start(fakeCore({
      5: { ok: false, error: { code: 'EVIDENCE_FILE_ALTERED', message: '数据文件夹中的凭证文件已被改动（校验值不符），不能再显示或打包：请运行「数据校验」' } },
      6: { ok: false, error: { code: 'EVIDENCE_FILE_MISSING', message: '数据文件夹中找不到这个凭证文件，可能已被删除：请运行「数据校验」' } },
    }));
    const altered = await get(h, `/t/${h.token}/evidence/5`);
    expect(altered.status).toBe(409);
    expect(altered.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(altered.body.toString('utf8')).toContain('已被改动');
    const missing = await get(h, `/t/${h.token}/evidence/6`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toContain('找不到这个凭证文件');
    expect((await get(h, `/t/${h.token}/evidence/8`)).status).toBe(404);
  });

  it('sends a type evidence may not have as a download, never as itself', async () => {
    const h = await start(fakeCore({ 9: ok('x.html', 'text/html', new TextEncoder().encode('<script>alert(1)</script>')) }));
    const r = await get(h, `/t/${h.token}/evidence/9`);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('only reads: POST and other methods are refused', async () => {
    const core = fakeCore({ 7: ok('a.png', 'image/png') });
    const h = await start(core);
    for (const m of ['POST', 'PUT', 'DELETE']) expect((await get(h, `/t/${h.token}/evidence/7`, m)).status, m).toBe(405);
    expect(core.asked).toEqual([]);
  });

  it('stays up: a core that throws is a 500, and the next request is served', async () => {
    const h = await start(fakeCore({
      4: () => { throw new Error('disk on fire'); },
      7: ok('a.png', 'image/png'),
    }));
    const r = await get(h, `/t/${h.token}/evidence/4`);
    expect(r.status).toBe(500);
    expect(r.body.toString('utf8')).toBe('读取凭证时出错');
    expect((await get(h, `/t/${h.token}/evidence/7`)).status).toBe(200);
    expect((await get(h, `/t/${h.token}/`)).status).toBe(200);
  });
});

describe('the evidence route over the real core', () => {
  it('serves a file added to an order byte for byte, and refuses it with 409 once changed on disk', async () => {
    const dir = tempDir();
    const { db, shopId, exported } = deliveredShop(dir, { count: 6 });
    db.close();
    const core = openCore({ dataDir: dir, host: 'web' });
    try {
      const shot = png({ seed: 5, width: 64, height: 48 });
      const added = await core.dispatch('evidence.add', { shopId, orderNo: exported[0], files: [{ name: '官网充值成功.png', bytes: shot }] }, () => undefined);
      expect(added.ok).toBe(true);
      const id = (added as { ok: true; value: EvidenceAddResult }).value.added[0].id;
      const h = await start(core);
      const r = await get(h, `/t/${h.token}/evidence/${id}`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(r.body, Buffer.from(shot))).toBe(0);

      const stored = join(dir, 'evidence', sha256Hex(shot).slice(0, 2), `${sha256Hex(shot)}.png`);
      const bytes = readFileSync(stored);
      bytes[bytes.length - 10] ^= 0xff;
      writeFileSync(stored, bytes);
      const altered = await get(h, `/t/${h.token}/evidence/${id}`);
      expect(altered.status).toBe(409);
      expect(altered.body.toString('utf8')).toContain('已被改动');
      expect((await get(h, `/t/${h.token}/evidence/${id + 100}`)).status).toBe(404);
    } finally {
      if (host) await host.close();
      host = null;
      core.close();
    }
  });
});

/**
 * The bare libraries' side of the evidence bench, one measurement in a fresh process, so peak
 * memory (maxRSS) belongs to that one job (VShip's side is the built CLI itself, run by
 * bench-evidence.ts with a preload that reads its maxRSS at exit):
 *   tsx bench-evidence-child.ts bare-import <folder> <outDir> — the bare work of archiving a
 *       folder: every file read (fs), SHA-256 hashed (node:crypto) and written under its hash
 *       into <outDir>/<2 hex>/<sha256>.<ext>
 *   tsx bench-evidence-child.ts bare-verify <dataDir> — the bare work of checking an archive:
 *       the SHA-256 of every file under <dataDir>/evidence, and the ledger's hash chain
 *       recomputed row by row (better-sqlite3 iterate)
 * Prints one JSON line.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile()) found.push(join(d, e.name));
    }
  };
  walk(dir);
  return found.sort();
}

function main(): void {
  const [mode, a, b] = process.argv.slice(2) as [string, string, string];
  const t0 = performance.now();
  if (mode === 'bare-import') {
    let bytes = 0;
    const files = filesUnder(a);
    for (const f of files) {
      const data = readFileSync(f);
      const sha = createHash('sha256').update(data).digest('hex');
      mkdirSync(join(b, sha.slice(0, 2)), { recursive: true });
      writeFileSync(join(b, sha.slice(0, 2), `${sha}${extname(f).toLowerCase()}`), data);
      bytes += data.length;
    }
    console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), files: files.length, bytes, peakMB: peakMB() }));
    return;
  }
  if (mode === 'bare-verify') {
    const buf = Buffer.allocUnsafe(1 << 20);
    let files = 0, bytes = 0, altered = 0;
    for (const f of filesUnder(join(a, 'evidence'))) {
      const h = createHash('sha256');
      const fd = openSync(f, 'r');
      for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) { h.update(n === buf.length ? buf : buf.subarray(0, n)); bytes += n; }
      closeSync(fd);
      files++;
      if (!f.includes(h.digest('hex'))) altered++;
    }
    const db = new Database(join(a, 'vship.db'), { readonly: true });
    let rows = 0, broken = 0, prev = '';
    for (const r of db.prepare('SELECT at, shop_id, event, subject, detail, prev_hash, hash FROM ledger ORDER BY id').raw().iterate() as Iterable<[string, number | null, string, string, string, string, string]>) {
      const [at, shopId, event, subject, detail, prevHash, hash] = r;
      if (prevHash !== prev || createHash('sha256').update(JSON.stringify([prev, at, shopId, event, subject, detail])).digest('hex') !== hash) broken++;
      prev = hash;
      rows++;
    }
    db.close();
    console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), files, bytes, altered, ledgerRows: rows, broken, peakMB: peakMB() }));
  }
}

main();

/**
 * One measurement in a fresh process, so peak memory (maxRSS) belongs to that one job:
 *   tsx bench-child.ts import <file> <dataDir>   — VShip's full import (into the data folder as it is: fresh, or a re-import)
 *   tsx bench-child.ts bare <file>               — the bare library read (exceljs / papaparse)
 * Prints one JSON line: { ms, rows, peakMB }.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { openDatabase } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { ensureDefaultShop } from '../../main/core/services/shops';

async function main(): Promise<void> {
  const [mode, file, dataDir] = process.argv.slice(2);
  // The file's bytes as read (a Buffer is a Uint8Array: no copy), as the app hands them to its import.
  const input = [{ name: basename(file), bytes: readFileSync(file) as Uint8Array }];
  let rows = 0;
  const t0 = performance.now();
  if (mode === 'import') {
    const db = openDatabase(dataDir);
    db.pragma('cache_size = -16384'); // as the import worker's connection
    const shop = ensureDefaultShop(db);
    // As the import worker does: the file's bytes are handed over, not kept here.
    const s = importOrderFiles(db, shop.id, input, { shipPromiseHours: 48 });
    rows = s.files[0].rows;
    db.close();
  } else if (file.endsWith('.xlsx')) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([input[0].bytes]), { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    for await (const ws of reader) for await (const _row of ws) rows++;
    rows -= 1;
  } else {
    // the bare read of a CSV: decode (as any reader must) and parse
    let text: string;
    const bytes = input[0].bytes;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = new TextDecoder('gb18030').decode(bytes); }
    rows = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data.length - 1;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), rows, peakMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

void main();

// The bare library read of an order export, as a whole process in plain Node (no VShip code):
//   node tests/bench/bare-read.cjs <file>
// .xlsx: exceljs's streaming WorkbookReader, every row of every sheet; .csv: the bytes decoded
// (UTF-8, else GB18030, as any reader must) and parsed by papaparse. Prints the data rows it read.
const { readFileSync } = require('node:fs');
const { Readable } = require('node:stream');

async function main() {
  const file = process.argv[2];
  const bytes = readFileSync(file);
  let rows = 0;
  if (file.endsWith('.xlsx')) {
    const ExcelJS = require('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    for await (const ws of reader) for await (const _row of ws) rows++;
    rows -= 1;
  } else {
    const Papa = require('papaparse');
    let text;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = new TextDecoder('gb18030').decode(bytes); }
    rows = Papa.parse(text, { header: false, skipEmptyLines: true }).data.length - 1;
  }
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
}

void main();

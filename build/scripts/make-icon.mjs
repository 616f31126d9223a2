// Draws the VShip icon (the app's brand mark: a white "V" on a blue rounded square) and writes
// build/icon.png (256×256) and build/icon.ico (16–256). No dependencies: shapes are rendered with
// signed distances (anti-aliased at every size, not scaled down), PNG via zlib, ICO by hand.
// Run: node build/scripts/make-icon.mjs   (the outputs are committed; rerun only to change them)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// Geometry on a 256-unit canvas.
const CORNER = 56;
const MARGIN = 8;
/**
 * A colour of the design tokens (renderer/src/ui/tokens.ts), as [r, g, b]: the gradient of the
 * top bar's brand mark, so the icon and the window draw the same blue. Read as text with a regex
 * because node runs this script without a TypeScript loader, and tokens.ts writes each colour as a
 * plain `name: '#rrggbb',` literal; a token that is missing or not in that form stops the script.
 */
function tokenColour(name) {
  const source = readFileSync(join(buildDir, '..', 'renderer', 'src', 'ui', 'tokens.ts'), 'utf8');
  const hex = source.match(new RegExp(`^\\s*${name}: '#([0-9a-fA-F]{6})',`, 'm'))?.[1];
  if (!hex) throw new Error(`renderer/src/ui/tokens.ts: no colour ${name}: '#rrggbb'`);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
const TOP = tokenColour('brandFrom'); // gradient, top-left
const BOTTOM = tokenColour('brandTo'); // gradient, bottom-right
const STROKE = 34; // width of the V's strokes
const V = [[76, 68], [128, 188], [180, 68]];

function roundedBoxDistance(x, y) {
  const half = (256 - 2 * MARGIN) / 2;
  const qx = Math.abs(x - 128) - (half - CORNER);
  const qy = Math.abs(y - 128) - (half - CORNER);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - CORNER;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Coverage 0..1 of a shape with signed distance `d` (canvas units) for a pixel `unit` wide. */
const coverage = (d, unit) => Math.max(0, Math.min(1, 0.5 - d / unit));

/** RGBA pixels, row-major, top row first, straight (not premultiplied) alpha. */
function render(size) {
  const unit = 256 / size;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) * unit, y = (j + 0.5) * unit;
      const box = coverage(roundedBoxDistance(x, y), unit);
      if (box === 0) continue;
      const t = Math.max(0, Math.min(1, (x + y) / 512));
      const bg = TOP.map((c, k) => c + (BOTTOM[k] - c) * t);
      // Keep the mark at least 1.6 px wide so it still reads at 16×16.
      const halfWidth = Math.max(STROKE, 1.6 * unit) / 2;
      const d = Math.min(segmentDistance(x, y, V[0], V[1]), segmentDistance(x, y, V[1], V[2])) - halfWidth;
      const mark = coverage(d, unit);
      const o = (j * size + i) * 4;
      for (let k = 0; k < 3; k++) px[o + k] = Math.round(bg[k] + (255 - bg[k]) * mark);
      px[o + 3] = Math.round(255 * box);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Classic 32-bit DIB entry (BGRA bottom-up + AND mask): what NSIS and old Windows shells read. */
function encodeDib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4, 20);
  const colour = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4, d = ((size - 1 - y) * size + x) * 4;
      colour[d] = rgba[s + 2];
      colour[d + 1] = rgba[s + 1];
      colour[d + 2] = rgba[s];
      colour[d + 3] = rgba[s + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (rgba[(y * size + x) * 4 + 3] === 0) mask[(size - 1 - y) * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, colour, mask]);
}

function encodeIco(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, data }, n) => {
    const e = 6 + 16 * n;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map((i) => i.data)]);
}

const png256 = encodePng(256, render(256));
const ico = encodeIco([
  ...[16, 24, 32, 48, 64, 128].map((size) => ({ size, data: encodeDib(size, render(size)) })),
  { size: 256, data: png256 }, // Vista+ reads PNG for 256; keeps the file small
]);
writeFileSync(join(buildDir, 'icon.png'), png256);
writeFileSync(join(buildDir, 'icon.ico'), ico);
console.log(`build/icon.png ${png256.length} B, build/icon.ico ${ico.length} B`);

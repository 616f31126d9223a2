/**
 * The evidence UI's own decisions, before anything crosses the bridge: which dropped files are
 * evidence and which the order import, how a folder of screenshots is cut into requests, the
 * name a pasted screenshot is kept under, how an order's evidence is laid out, and how a dropped
 * folder is walked.
 */
import { describe, expect, it } from 'vitest';
import { EVIDENCE_FILES_PER_REQUEST, EVIDENCE_MAX_BYTES, type EvidenceItem } from '../../shared/domain/evidence';
import { WEB_MAX_BODY_BYTES } from '../../shared/rules/file-limits';
import { BATCH_MAX_BYTES, batchFiles } from '../../renderer/src/features/evidence/batches';
import { isEvidenceFile, splitDroppedFiles } from '../../renderer/src/features/evidence/dropped-files';
import { pastedExt, pastedFileName } from '../../renderer/src/features/evidence/paste-name';
import { layoutEvidence } from '../../renderer/src/features/evidence/thumbs';
import { readDrop } from '../../renderer/src/lib/files/dropped-entries';

const f = (name: string, type = '', size = 1000) => ({ name, type, size });
const MiB = 1024 * 1024;

describe('a drop split into spreadsheets and evidence', () => {
  it('sends images and PDFs to evidence, the order export files to the import', () => {
    const files = [f('订单导出.csv'), f('240612-123.PNG', 'image/png'), f('a.xlsx'), f('chat.jpeg'), f('官网.webp'), f('supplier.pdf'), f('x.zip'), f('old.xls'), f('s.bmp'), f('g.gif'), f('j.jpg')];
    const { sheets, evidence, other } = splitDroppedFiles(files);
    expect(sheets.map((x) => x.name)).toEqual(['订单导出.csv', 'a.xlsx', 'x.zip', 'old.xls']);
    expect(evidence.map((x) => x.name)).toEqual(['240612-123.PNG', 'chat.jpeg', '官网.webp', 'supplier.pdf', 's.bmp', 'g.gif', 'j.jpg']);
    expect(other).toEqual([]);
  });

  it('keeps what is neither apart (the import explains it; a folder skips it)', () => {
    const { sheets, evidence, other } = splitDroppedFiles([f('Thumbs.db'), f('readme.txt', 'text/plain'), f('shot.png')]);
    expect(sheets).toEqual([]);
    expect(evidence.map((x) => x.name)).toEqual(['shot.png']);
    expect(other.map((x) => x.name)).toEqual(['Thumbs.db', 'readme.txt']);
  });

  it('trusts an image type without an extension (a pasted or dragged-out image), but a sheet name wins over a type', () => {
    expect(isEvidenceFile(f('image', 'image/png'))).toBe(true);
    expect(isEvidenceFile(f('orders.csv', 'image/png'))).toBe(false);
    expect(isEvidenceFile(f('page.svg', 'image/svg+xml'))).toBe(false);
    expect(isEvidenceFile(f('evil.exe', 'application/x-msdownload'))).toBe(false);
  });
});

describe('a folder cut into requests', () => {
  it('sends at most EVIDENCE_FILES_PER_REQUEST files a request, in order, none lost', () => {
    const files = Array.from({ length: 2000 }, (_, i) => f(`s${i}.png`, 'image/png', 300 * 1024));
    const { batches, tooLarge } = batchFiles(files);
    expect(tooLarge).toEqual([]);
    expect(batches).toHaveLength(Math.ceil(2000 / EVIDENCE_FILES_PER_REQUEST));
    expect(batches.every((b) => b.length <= EVIDENCE_FILES_PER_REQUEST)).toBe(true);
    expect(batches.flat()).toEqual(files);
  });

  it('keeps each request under the browser host body cap, by size too', () => {
    const files = Array.from({ length: 30 }, (_, i) => f(`big${i}.png`, 'image/png', 25 * MiB));
    const { batches } = batchFiles(files);
    for (const b of batches) expect(b.reduce((n, x) => n + x.size, 0)).toBeLessThanOrEqual(BATCH_MAX_BYTES);
    expect(BATCH_MAX_BYTES).toBeLessThan(WEB_MAX_BODY_BYTES);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toHaveLength(30);
  });

  it('refuses a file over the evidence limit from its size, and sends the rest', () => {
    const files = [f('a.png', '', 10), f('huge.png', '', EVIDENCE_MAX_BYTES + 1), f('b.png', '', EVIDENCE_MAX_BYTES)];
    const { batches, tooLarge } = batchFiles(files);
    expect(tooLarge.map((x) => x.name)).toEqual(['huge.png']);
    expect(batches.flat().map((x) => x.name)).toEqual(['a.png', 'b.png']);
  });

  it('makes no empty request', () => {
    expect(batchFiles([]).batches).toEqual([]);
    expect(batchFiles([f('a.png', '', EVIDENCE_MAX_BYTES + 5)]).batches).toEqual([]);
  });
});

describe('a pasted screenshot', () => {
  it('is named for its order and the Beijing time it was pasted', () => {
    // 2026-06-12 02:30:05 UTC is 10:30:05 in Beijing.
    expect(pastedFileName('粘贴截图', '240612-123456789012345', Date.UTC(2026, 5, 12, 2, 30, 5))).toBe('粘贴截图-240612-123456789012345-20260612-103005.png');
    expect(pastedFileName('粘贴截图', '1', Date.UTC(2026, 11, 31, 16, 0, 0), 'jpg')).toBe('粘贴截图-1-20270101-000000.jpg');
  });

  it('takes the extension from the image type', () => {
    expect(pastedExt('image/png')).toBe('png');
    expect(pastedExt('image/jpeg')).toBe('jpg');
    expect(pastedExt('image/bmp')).toBe('bmp');
    expect(pastedExt('image/tiff')).toBe('png');
  });
});

const item = (id: number, over: Partial<EvidenceItem> = {}): EvidenceItem => ({
  id, orderId: 1, orderNo: '1', name: `e${id}.png`, bytes: 10, mime: 'image/png', sha256: String(id).repeat(64).slice(0, 64), kind: 'official', note: '', source: 'drop',
  addedAt: `2026-06-12T10:00:0${id}+08:00`, capturedAt: null, capturedFrom: null, hidden: false, hiddenAt: null, hiddenReason: null, ...over,
});

describe("an order's evidence in its drawer", () => {
  it('shows images oldest first as thumbnails, PDFs as cards, removed ones apart', () => {
    const l = layoutEvidence([item(3), item(1, { mime: 'application/pdf' }), item(2, { hidden: true, hiddenAt: 'x', hiddenReason: '传错订单' }), item(4), item(0)]);
    expect(l.images.map((i) => i.id)).toEqual([0, 3, 4]);
    expect(l.pdfs.map((i) => i.id)).toEqual([1]);
    expect(l.hidden.map((i) => i.id)).toEqual([2]);
  });
});

/** A fake of the browser's FileSystem entries: a folder gives its entries 100 at a time, as Chromium does. */
type Fake = { name: string; isDirectory: boolean; children?: Fake[] };
const fileEntry = (name: string): Fake => ({ name, isDirectory: false });
const dirEntry = (name: string, children: Fake[]): Fake => ({ name, isDirectory: true, children });
function live(e: Fake): object {
  if (!e.isDirectory) return { name: e.name, isDirectory: false, file: (ok: (f: string) => void) => setTimeout(() => ok(e.name), 0) };
  return {
    name: e.name, isDirectory: true,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok: (x: object[]) => void) => setTimeout(() => { const part = e.children!.slice(at, at + 100).map(live); at += part.length; ok(part); }, 0) };
    },
  };
}
const dropItem = (e: Fake, file: string | null = e.isDirectory ? null : e.name) => ({ kind: 'file', webkitGetAsEntry: () => live(e) as never, getAsFile: () => file });

describe('a dropped folder walked', () => {
  it('gives every file of the folder and its subfolders (past the 100 a read gives), beside the loose files, skipping hidden ones', async () => {
    const shots = Array.from({ length: 230 }, (_, i) => fileEntry(`shot-${String(i).padStart(3, '0')}.png`));
    const folder = dirEntry('截图', [...shots, fileEntry('.DS_Store'), dirEntry('聊天', [fileEntry('chat-1.png'), dirEntry('.git', [fileEntry('x')])])]);
    const loose = fileEntry('orders.csv');
    const got = await readDrop({ files: ['截图', 'orders.csv'], items: [dropItem(folder), dropItem(loose)] });
    expect(got.folder).toBe(true);
    expect(got.files).toHaveLength(232);
    expect(got.files).toContain('chat-1.png');
    expect(got.files).toContain('orders.csv');
    expect(got.files).not.toContain('.DS_Store');
    expect(got.files).not.toContain('x');
    expect(new Set(got.files).size).toBe(232);
  });

  it('hands plain files over as dropped when no folder is among them (and when the browser gives no entries)', async () => {
    expect(await readDrop({ files: ['a.png', 'b.csv'], items: [dropItem(fileEntry('a.png')), dropItem(fileEntry('b.csv'))] })).toEqual({ files: ['a.png', 'b.csv'], folder: false });
    expect(await readDrop({ files: ['a.png'], items: [{ kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => 'a.png' }] })).toEqual({ files: ['a.png'], folder: false });
    expect(await readDrop({ files: ['a.png'] })).toEqual({ files: ['a.png'], folder: false });
  });
});

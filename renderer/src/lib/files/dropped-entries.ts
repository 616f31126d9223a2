/**
 * The files of a drop, folders walked: Explorer hands a dropped folder as one entry, read through
 * DataTransferItem.webkitGetAsEntry(). The entries must be taken during the drop event (the
 * DataTransfer is emptied after it); the walk itself is asynchronous. Typed by the little it uses
 * of the DOM's DataTransfer and FileSystem entries, so the walk is tested without a browser.
 */

/** A walk stops here: a drop of a whole disk must not freeze the window. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 8;

interface EntryLike {
  name: string;
  isDirectory: boolean;
}
interface DirectoryEntryLike extends EntryLike {
  createReader(): { readEntries(ok: (entries: EntryLike[]) => void, fail?: (e: unknown) => void): void };
}
interface FileEntryLike<F> extends EntryLike {
  file(ok: (file: F) => void, fail?: (e: unknown) => void): void;
}
interface ItemLike<F> {
  kind: string;
  webkitGetAsEntry?(): EntryLike | null;
  getAsFile(): F | null;
}
/** What a drop event's DataTransfer gives (the DOM's fits). */
export interface DropData<F> {
  files: ArrayLike<F>;
  items?: ArrayLike<ItemLike<F>>;
}

export interface DroppedFiles<F = File> {
  files: F[];
  /** At least one folder was dropped (its files came from the walk). */
  folder: boolean;
}

/** Takes the drop's entries now, walks folders later. */
export function readDrop<F>(dt: DropData<F>): Promise<DroppedFiles<F>> {
  const plain = Array.from(dt.files);
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  const taken = items.map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  if (!taken.some((x) => x.entry?.isDirectory)) return Promise.resolve({ files: plain, folder: false });
  return (async () => {
    const files: F[] = [];
    for (const x of taken) {
      if (files.length >= MAX_FILES) break;
      if (x.entry?.isDirectory) await walk(x.entry as DirectoryEntryLike, files, 0);
      else if (x.file) files.push(x.file);
    }
    return { files, folder: true };
  })();
}

async function walk<F>(dir: DirectoryEntryLike, out: F[], depth: number): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const reader = dir.createReader();
  // readEntries gives at most ~100 entries a call: read until it gives none.
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (!batch.length) return;
    batch.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of batch) {
      if (out.length >= MAX_FILES) return;
      // Hidden files (.DS_Store, ._name) are the system's, not the merchant's.
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory) await walk(e as DirectoryEntryLike, out, depth + 1);
      else {
        const f = await new Promise<F | null>((resolve) => (e as FileEntryLike<F>).file(resolve, () => resolve(null)));
        if (f) out.push(f);
      }
    }
  }
}

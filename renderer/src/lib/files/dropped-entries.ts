/**
 * The files of a drop, folders walked: Explorer hands a dropped folder as one entry, read through
 * DataTransferItem.webkitGetAsEntry(). The entries must be taken during the drop event (the
 * DataTransfer is emptied after it); the walk itself is asynchronous.
 */

/** A walk stops here: a drop of a whole disk must not freeze the window. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 8;

export interface DroppedFiles {
  files: File[];
  /** At least one folder was dropped (its files came from the walk). */
  folder: boolean;
}

/** Takes the drop's entries now, walks folders later. */
export function readDrop(dt: DataTransfer): Promise<DroppedFiles> {
  const plain = Array.from(dt.files);
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  const taken = items.map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  if (!taken.some((x) => x.entry?.isDirectory)) return Promise.resolve({ files: plain, folder: false });
  return (async () => {
    const files: File[] = [];
    for (const x of taken) {
      if (files.length >= MAX_FILES) break;
      if (x.entry?.isDirectory) await walk(x.entry as FileSystemDirectoryEntry, files, 0);
      else if (x.file) files.push(x.file);
    }
    return { files, folder: true };
  })();
}

async function walk(dir: FileSystemDirectoryEntry, out: File[], depth: number): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const reader = dir.createReader();
  // readEntries gives at most ~100 entries a call: read until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (!batch.length) return;
    batch.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of batch) {
      if (out.length >= MAX_FILES) return;
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, out, depth + 1);
      else {
        const f = await new Promise<File | null>((resolve) => (e as FileSystemFileEntry).file(resolve, () => resolve(null)));
        if (f) out.push(f);
      }
    }
  }
}

/**
 * Files dropped anywhere on the window. The listeners go on at startup (installWindowFileDrop,
 * called before React renders) so a drop that comes while the app is still opening is kept and
 * handed over once the screen subscribes, and the browser never opens a dropped file in place
 * of the app. Dropped folders are walked (./files/dropped-entries.ts). An element marked
 * `data-drop-order="<订单号>"` (a grid row, the drawer's evidence zone) is a drop target of its
 * own: it is highlighted (class `drop-target-over`) while files are dragged over it, and the drop
 * says which order it was dropped on.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { readDrop } from './files/dropped-entries';

/** Where the files were dropped: on an order (its 订单号), and whether a folder was walked. */
export interface DropPlace {
  orderNo: string | null;
  folder: boolean;
}
type FilesListener = (files: File[], place: DropPlace) => void;

let installed = false;
let dragging = false;
let overTarget: HTMLElement | null = null;
let filesListener: FilesListener | null = null;
const waiting: [File[], DropPlace][] = [];
const draggingListeners = new Set<() => void>();

function notify(): void {
  for (const l of draggingListeners) l();
}

function setDragging(next: boolean): void {
  if (dragging === next) return;
  dragging = next;
  notify();
}

const OVER_CLASS = 'drop-target-over';

function targetOf(e: Event): HTMLElement | null {
  const el = e.target instanceof Element ? e.target : null;
  return (el?.closest('[data-drop-order]') as HTMLElement | null) ?? null;
}

function setOver(next: HTMLElement | null): void {
  if (overTarget === next) return;
  overTarget?.classList.remove(OVER_CLASS);
  overTarget = next;
  overTarget?.classList.add(OVER_CLASS);
  notify();
}

function carriesFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

export function installWindowFileDrop(): void {
  if (installed) return;
  installed = true;
  // dragenter/dragleave fire for every child element, so count them; also hide the overlay when
  // dragover stops arriving (the drag left the window or was cancelled).
  let depth = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    depth = 0;
    clearTimeout(idle);
    setOver(null);
    setDragging(false);
  };
  const keepAlive = () => {
    clearTimeout(idle);
    idle = setTimeout(stop, 600);
  };
  window.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth++;
    setDragging(true);
    keepAlive();
  });
  window.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    setOver(targetOf(e));
    setDragging(true);
    keepAlive();
  });
  window.addEventListener('dragleave', (e) => {
    if (!carriesFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) stop();
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    const orderNo = targetOf(e)?.dataset.dropOrder || null;
    stop();
    if (!e.dataTransfer) return;
    // The entries are taken now (the DataTransfer empties after this event); folders are walked after.
    void readDrop(e.dataTransfer).then(({ files, folder }) => {
      if (!files.length) return;
      const place: DropPlace = { orderNo, folder };
      if (filesListener) filesListener(files, place);
      else waiting.push([files, place]);
    });
  });
  window.addEventListener('blur', stop);
}

function subscribeDragging(cb: () => void): () => void {
  draggingListeners.add(cb);
  return () => draggingListeners.delete(cb);
}

/** The order (订单号) whose drop target the files are dragged over now, or null. */
export function useDropTargetOrder(): string | null {
  return useSyncExternalStore(subscribeDragging, () => overTarget?.dataset.dropOrder || null);
}

/** Receives dropped files (including any dropped before this mounted); returns "dragging now". */
export function useWindowFileDrop(onFiles: FilesListener): boolean {
  const onFilesRef = useRef(onFiles);
  onFilesRef.current = onFiles;
  useEffect(() => {
    installWindowFileDrop();
    filesListener = (files, place) => onFilesRef.current(files, place);
    for (const [files, place] of waiting.splice(0)) filesListener(files, place);
    return () => {
      filesListener = null;
    };
  }, []);
  return useSyncExternalStore(subscribeDragging, () => dragging);
}

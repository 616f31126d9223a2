/**
 * Files dropped anywhere on the window. The listeners go on at startup (installWindowFileDrop,
 * called before React renders) so a drop that comes while the app is still opening is kept and
 * handed over once the screen subscribes, and the browser never opens a dropped file in place
 * of the app.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

type FilesListener = (files: File[]) => void;

let installed = false;
let dragging = false;
let filesListener: FilesListener | null = null;
const waiting: File[][] = [];
const draggingListeners = new Set<() => void>();

function setDragging(next: boolean): void {
  if (dragging === next) return;
  dragging = next;
  for (const l of draggingListeners) l();
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
    stop();
    const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
    if (!files.length) return;
    if (filesListener) filesListener(files);
    else waiting.push(files);
  });
  window.addEventListener('blur', stop);
}

function subscribeDragging(cb: () => void): () => void {
  draggingListeners.add(cb);
  return () => draggingListeners.delete(cb);
}

/** Receives dropped files (including any dropped before this mounted); returns "dragging now". */
export function useWindowFileDrop(onFiles: FilesListener): boolean {
  const onFilesRef = useRef(onFiles);
  onFilesRef.current = onFiles;
  useEffect(() => {
    installWindowFileDrop();
    filesListener = (files) => onFilesRef.current(files);
    for (const files of waiting.splice(0)) filesListener(files);
    return () => {
      filesListener = null;
    };
  }, []);
  return useSyncExternalStore(subscribeDragging, () => dragging);
}

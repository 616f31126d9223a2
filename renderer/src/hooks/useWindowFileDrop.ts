import { useEffect, useRef, useState } from 'react';

function carriesFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

/**
 * Files dropped anywhere on the window. Returns whether files are being dragged over it (for the
 * full-window overlay). dragenter/dragleave fire for every child element, so we count them, and
 * also hide the overlay when dragover stops arriving (the drag left or was cancelled).
 */
export function useWindowFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFilesRef = useRef(onFiles);
  onFilesRef.current = onFiles;

  useEffect(() => {
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
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
      keepAlive();
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
      keepAlive();
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) stop();
    };
    const onDrop = (e: DragEvent) => {
      // Always stop the browser from opening a dropped file in place of the app.
      e.preventDefault();
      stop();
      const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
      if (files.length) onFilesRef.current(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('blur', stop);
    return () => {
      clearTimeout(idle);
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('blur', stop);
    };
  }, []);

  return dragging;
}

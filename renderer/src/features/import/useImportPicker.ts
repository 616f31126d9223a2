/**
 * The file picker for order exports: a hidden input (ImportFileInput), opened by the import
 * button, Ctrl+O (Windows convention; Ctrl+F belongs to the orders screen) or, in the desktop
 * app, the menu's accelerator, which takes the key and sends 'menu.import' instead.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { getBridge } from '../../bridge';

export function useImportPicker(): { inputRef: RefObject<HTMLInputElement | null>; openPicker: () => void } {
  const inputRef = useRef<HTMLInputElement>(null);
  const openPicker = useCallback(() => inputRef.current?.click(), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'o') return;
      e.preventDefault();
      openPicker();
    };
    window.addEventListener('keydown', onKey);
    const off = getBridge().on('menu.import', openPicker);
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [openPicker]);

  return { inputRef, openPicker };
}

/**
 * The file picker for order exports: a hidden input (ImportFileInput), opened by the import
 * button, Ctrl+O (Windows convention; Ctrl+F belongs to the orders screen) or, in the desktop
 * app, the menu's accelerator, which takes the key and sends 'menu.import' instead.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { App as AntApp } from 'antd';
import { getBridge } from '../../bridge';
import { t } from '../../i18n';

/** `importing`: an import runs; the picker stays shut (its buttons are disabled too) and says so. */
export function useImportPicker(importing = false): { inputRef: RefObject<HTMLInputElement | null>; openPicker: () => void } {
  const { message } = AntApp.useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const importingRef = useRef(importing);
  importingRef.current = importing;
  const openPicker = useCallback(() => {
    if (importingRef.current) message.warning(t('import.busy'));
    else inputRef.current?.click();
  }, [message]);

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

/**
 * The orders grid's keys: ↑/↓ move the current row (scrolled into view), Enter opens it, Space
 * checks it, Ctrl+A checks every order of the filter. They act when the grid or the page body has
 * focus, never while typing in a field, and not while a dialog or the drawer is open (the drawer
 * closes itself on Esc).
 */
import { useEffect, useRef } from 'react';

export interface GridKeys {
  /** false: the grid is not on screen (another screen is shown). */
  enabled: boolean;
  grid: React.RefObject<HTMLElement | null>;
  move: (delta: 1 | -1) => void;
  open: () => void;
  check: (range: boolean) => void;
  checkAll: () => void;
}

/** A dialog, a drawer (not one closing) or a dropdown list is open over the page. */
export function overlayOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-drawer.ant-drawer-open, .ant-select-dropdown, .ant-picker-dropdown')]
    .some((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none' && !el.classList.contains('ant-select-dropdown-hidden') && !el.classList.contains('ant-picker-dropdown-hidden'));
}

function typing(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.matches('input, select, textarea, [role="combobox"], [role="textbox"]');
}

export function useGridKeyboard(keys: GridKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = ref.current;
      const grid = k.grid.current;
      if (!k.enabled || !grid || grid.getClientRects().length === 0 || e.altKey || e.defaultPrevented) return;
      const focus = document.activeElement;
      const inGrid = focus instanceof Node && grid.contains(focus);
      if (!inGrid && focus !== document.body && focus !== null) return;
      if (typing(focus) || overlayOpen()) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key === 'a' || e.key === 'A')) {
        e.preventDefault();
        k.checkAll();
        return;
      }
      if (mod) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        k.move(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        k.open();
      } else if (e.key === ' ') {
        e.preventDefault();
        k.check(e.shiftKey);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

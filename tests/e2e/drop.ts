/**
 * Files dropped onto the window as a merchant drags them from Explorer. Shared by the page
 * models (import, stock) and re-exported from ./fixtures for older callers.
 */
import type { Page } from '@playwright/test';

/** A file to drop: name, bytes and (optionally) its MIME type, guessed from the name otherwise. */
export interface DropFile {
  name: string;
  bytes: Buffer;
  mime?: string;
}

/**
 * Drops files onto the page as a merchant would from Explorer: dragenter, dragover and drop
 * events carrying a DataTransfer of real File objects, dispatched on `document.body` (or the
 * first element matching `selector`).
 */
export async function dropFiles(page: Page, files: DropFile[], selector = 'body'): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, mime: f.mime ?? guessMime(f.name), base64: f.bytes.toString('base64') }));
  await page.evaluate(
    ({ payload, selector }) => {
      // Runs in the page; the Node-side tsconfig has no DOM types, so name only what is used.
      const w = globalThis as unknown as InPage;
      const transfer = new w.DataTransfer();
      for (const f of payload) {
        const binary = w.atob(f.base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        transfer.items.add(new w.File([bytes], f.name, { type: f.mime }));
      }
      const target = w.document.querySelector(selector) ?? w.document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new w.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    },
    { payload, selector },
  );
}

interface InPage {
  DataTransfer: new () => { items: { add(file: object): unknown } };
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => object;
  DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: object }) => object;
  atob(data: string): string;
  document: {
    body: { dispatchEvent(event: object): boolean };
    querySelector(selector: string): { dispatchEvent(event: object): boolean } | null;
  };
}

function guessMime(name: string): string {
  const ext = name.toLowerCase().slice(name.lastIndexOf('.'));
  const types: Record<string, string> = {
    '.csv': 'text/csv',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.xls': 'application/vnd.ms-excel',
    '.zip': 'application/zip',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.txt': 'text/plain',
  };
  return types[ext] ?? '';
}

import type { Locator, Page } from '@playwright/test';
import { dropFiles, type DropFile } from '../drop';

/** A count on the import result card: rows read, orders new / unchanged, shippable or not. */
export type ImportResultCount = 'read' | 'new' | 'unchanged' | 'shippable' | 'notShippable';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 导入订单: the order export from the PDD backend, dropped on the window or chosen with the picker. */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** The empty-shop drop zone shown before any order is imported. */
  emptyDrop(): Locator {
    return this.page.getByTestId('empty-drop');
  }

  /** Drops export files anywhere on the window, as from Explorer. */
  async dropFiles(files: DropFile[]): Promise<void> {
    await dropFiles(this.page, files);
  }

  /** Chooses one export with the file picker (XLSX MIME unless told otherwise). */
  async chooseFile(name: string, bytes: Buffer, mimeType = XLSX_MIME): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles({ name, mimeType, buffer: bytes });
  }

  /** The result card of the last import (file names and counts). */
  result(): Locator {
    return this.page.getByTestId('import-result');
  }

  /** One count on the result card, e.g. `resultCount('new')`. */
  resultCount(kind: ImportResultCount): Locator {
    return this.page.getByTestId(`result-${kind}`);
  }

  /** The Chinese error naming the file (and row / column) that stopped an import. */
  error(): Locator {
    return this.page.getByTestId('import-error');
  }
}

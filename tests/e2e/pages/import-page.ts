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

  /** The toast of the last import (title line, file names, shippable counts, 查看详情). */
  result(): Locator {
    return this.page.getByTestId('import-result');
  }

  /** 查看详情 on the toast: the full result dialog (counts, files, encodings, warnings). */
  async openResultDetails(): Promise<void> {
    await this.result().getByTestId('import-result-open').click();
    await this.resultDetails().waitFor();
  }

  /** The full result in its dialog (open it with openResultDetails). */
  resultDetails(): Locator {
    return this.page.getByTestId('import-result-details');
  }

  /** Closes the result dialog (Esc), back to the grid. */
  async closeResultDetails(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.resultDetails().waitFor({ state: 'detached' });
  }

  /** One count in the result dialog, e.g. `resultCount('new')` (open it with openResultDetails). */
  resultCount(kind: ImportResultCount): Locator {
    return this.resultDetails().getByTestId(`result-${kind}`);
  }

  /** The 导入订单 button of the top bar. */
  importButton(): Locator {
    return this.page.getByTestId('import-button');
  }

  /** The empty state's 选择文件 button. */
  emptyPickButton(): Locator {
    return this.page.getByTestId('empty-pick');
  }

  /** The progress panel of a running import. */
  progress(): Locator {
    return this.page.getByTestId('import-progress');
  }

  /** The Chinese error naming the file (and row / column) that stopped an import. */
  error(): Locator {
    return this.page.getByTestId('import-error');
  }
}

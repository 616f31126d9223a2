import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { dropFiles, type DropFile } from '../drop';

/** A figure of the export dialog: ready orders, items, rows, file parts. */
export type ExportFigure = 'ready' | 'items' | 'rows' | 'parts';

/** An order's ship state, as the grid's tag and the 发货进度 counts name it (data-state). */
export type ShipStateName = 'ready' | 'exported' | 'uploadFailed' | 'shipped' | 'attention';

/** A count of the result file's panel. */
export type ResultCount = 'rows' | 'failed' | 'succeeded' | 'unknown';

/** What a saved file holds: its name as the browser saved it, and its bytes. */
export interface SavedFile {
  name: string;
  bytes: Buffer;
}

/**
 * The shipment file: 生成发货文件 on the orders screen (the dialog's counts, template, preview, 生成
 * and the files written), the ship states in the grid and the 发货进度 counts, and the 发货记录
 * screen (history, 查看订单, the backend's result file dropped on it).
 */
export class ExportPage {
  constructor(readonly page: Page) {}

  /** Opens 生成发货文件 from the orders screen's command bar. */
  async openDialog(): Promise<void> {
    await this.page.getByTestId('export-open').click();
  }

  /** Opens 导出所选 (shown while rows are checked). */
  async openDialogForChecked(): Promise<void> {
    await this.page.getByTestId('export-open-checked').click();
  }

  /** The export dialog. */
  dialog(): Locator {
    return this.page.getByTestId('export-dialog');
  }

  /** A figure of the dialog's counts, e.g. `figure('ready')`. */
  figure(kind: ExportFigure): Locator {
    return this.dialog().getByTestId(`export-count-${kind}`);
  }

  /** The box of orders left out, by reason. */
  leftOut(): Locator {
    return this.dialog().getByTestId('export-left-out');
  }

  /** The built-in layout's 未核实 warning. */
  builtInWarning(): Locator {
    return this.dialog().getByTestId('export-template-builtin');
  }

  /** The preview table's header cells. */
  previewHeaders(): Locator {
    return this.dialog().getByTestId('export-preview-header');
  }

  /** The preview table's body rows. */
  previewRows(): Locator {
    return this.dialog().locator('[data-testid=export-preview] .ant-table-tbody > tr.ant-table-row');
  }

  /** Chooses xlsx or csv. */
  async chooseFormat(format: 'xlsx' | 'csv'): Promise<void> {
    await this.dialog().getByTestId('export-format-choice').getByText(format === 'csv' ? 'CSV' : 'Excel（.xlsx）', { exact: true }).click();
  }

  /** The 生成 button. */
  runButton(): Locator {
    return this.dialog().getByTestId('export-run');
  }

  /** Gives the template downloaded from the backend (the file picker). */
  async giveTemplate(name: string, bytes: Buffer): Promise<void> {
    await this.dialog().getByTestId('export-template-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  }

  /** The template check dialog (each column → what fills it). */
  templateMap(): Locator {
    return this.page.getByTestId('export-template-map');
  }

  /** The role select of the template column headed `header`. */
  mapRole(header: string): Locator {
    return this.templateMap().locator(`[data-testid=export-map-role][data-header="${header}"]`);
  }

  /** Sets what fills the column headed `header` (the role's Chinese label). */
  async setRole(header: string, label: string): Promise<void> {
    await this.mapRole(header).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  /** Types the text of a 固定内容 (or 发货方式) column headed `header`. */
  async setValue(header: string, text: string): Promise<void> {
    await this.templateMap().locator(`[data-testid=export-map-value][data-header="${header}"]`).fill(text);
  }

  /** 保存模板. */
  async saveTemplate(): Promise<void> {
    await this.templateMap().getByTestId('export-map-save').click();
  }

  /** The template given (sheet, header row…), shown instead of the 未核实 warning. */
  givenTemplate(): Locator {
    return this.dialog().getByTestId('export-template-given');
  }

  /** 生成: writes the files. */
  async run(): Promise<void> {
    await this.runButton().click();
    // Writing the files is real work (a loaded CI machine took over 10 s): wait for its end, and
    // when it ends in an error toast, fail with the toast's words rather than a missing panel.
    const toast = this.page.locator('.ant-message-error');
    await expect(this.done().or(toast).first()).toBeVisible({ timeout: 45_000 });
    if (await toast.isVisible()) throw new Error(`生成 failed: ${await toast.innerText()}`);
  }

  /** The dialog after 生成: the files written. */
  done(): Locator {
    return this.dialog().getByTestId('export-done');
  }

  /** The files written (each with data-kind, data-name). */
  files(): Locator {
    return this.dialog().getByTestId('export-file');
  }

  /** Saves one written file with its 保存 button and reads what the browser downloaded. */
  async saveFile(file: Locator): Promise<SavedFile> {
    return this.download(() => file.getByTestId('export-file-save').click());
  }

  /** Closes the dialog after 生成 (完成). */
  async closeDone(): Promise<void> {
    await this.dialog().getByTestId('export-done-close').click();
  }

  /** A 发货进度 count above the grid. */
  shipCount(state: ShipStateName): Locator {
    return this.page.getByTestId(`count-ship-${state}`);
  }

  /** Filters the grid by a ship state (its 发货进度 count). */
  async filterByShipState(state: ShipStateName): Promise<void> {
    await this.page.getByTestId(`ship-count-${state}`).click();
  }

  /** The ship-state tag of one order's grid row. */
  rowState(orderNo: string): Locator {
    return this.page.locator(`[data-testid=order-row][data-order-no="${orderNo}"]`).getByTestId('ship-state');
  }

  /** The grid's cell holding the ship-state tag of one order (its title says why). */
  rowStateCell(orderNo: string): Locator {
    return this.page.locator(`[data-testid=order-row][data-order-no="${orderNo}"] [data-col=shippable]`);
  }

  /** The 导出 #N 的订单 tag above the grid. */
  exportFilter(): Locator {
    return this.page.getByTestId('export-filter');
  }

  /** Switches to 发货记录. */
  async openHistory(): Promise<void> {
    await this.page.getByTestId('nav-exports').click();
  }

  /** The 发货记录 screen. */
  history(): Locator {
    return this.page.getByTestId('exports-screen');
  }

  /** The exports listed, newest first. */
  historyRows(): Locator {
    return this.history().getByTestId('export-history-row');
  }

  /** 查看订单 of one listed export. */
  async showOrders(row: Locator): Promise<void> {
    await row.getByTestId('export-history-show-orders').click();
  }

  /** Saves a file again from a listed export (by its button) and reads what was downloaded. */
  async saveAgain(button: Locator): Promise<SavedFile> {
    return this.download(() => button.click());
  }

  /** Drops the backend's result file on the window (the 发货记录 screen is shown). */
  async dropResult(file: DropFile): Promise<void> {
    await dropFiles(this.page, [file]);
  }

  /** What the result file said. */
  resultPanel(): Locator {
    return this.page.getByTestId('export-result');
  }

  /** A count of the result panel. */
  resultCount(kind: ResultCount): Locator {
    return this.resultPanel().getByTestId(`export-result-${kind}`);
  }

  /** Waits until `target` (a drawer sliding in) has finished its animations: for a screenshot. */
  async settled(target: Locator): Promise<void> {
    // Runs in the page; the Node-side tsconfig has no DOM types, so name only what is used.
    await target.evaluate((el) => {
      const animated = el as unknown as { getAnimations(o: { subtree: boolean }): { finished: Promise<unknown> }[] };
      return Promise.all(animated.getAnimations({ subtree: true }).map((a) => a.finished));
    });
  }

  private async download(click: () => Promise<void>): Promise<SavedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), bytes: await readDownload(download) };
  }
}

async function readDownload(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

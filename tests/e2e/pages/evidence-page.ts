import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { dropFiles, type DropFile } from '../drop';
import type { SavedFile } from './export-page';

/**
 * Delivery evidence (凭证): screenshots dropped on an order's row or drawer, pasted with Ctrl+V, or
 * dropped many at once (the import dialog: matched, unmatched, assign); the 凭证 section of the
 * order drawer (thumbnails, full size, 移除); and the 凭证 screen (search, 证据包, 数据校验).
 */
export class EvidencePage {
  constructor(readonly page: Page) {}

  /** Drops files onto one order's row of the grid. */
  async dropOnRow(orderNo: string, files: DropFile[]): Promise<void> {
    const row = `[data-testid=order-row][data-order-no="${orderNo}"]`;
    // dropFiles falls back to the page when nothing matches: the row must be there first.
    await this.page.locator(row).waitFor();
    await dropFiles(this.page, files, row);
  }

  /** Drags a file over one order's row without dropping it (the row lights up, the overlay names the order). */
  async dragOverRow(orderNo: string): Promise<void> {
    const row = `[data-testid=order-row][data-order-no="${orderNo}"]`;
    await this.page.locator(row).waitFor();
    await this.page.evaluate((selector) => {
      // Runs in the page; the Node-side tsconfig has no DOM types, so name only what is used.
      const w = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: object): unknown } };
        File: new (parts: Uint8Array[], name: string, o: { type: string }) => object;
        DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: object }) => object;
        document: { querySelector(s: string): { dispatchEvent(e: object): boolean } | null };
      };
      const dt = new w.DataTransfer();
      dt.items.add(new w.File([new Uint8Array([1])], 'shot.png', { type: 'image/png' }));
      const target = w.document.querySelector(selector)!;
      for (const type of ['dragenter', 'dragover']) target.dispatchEvent(new w.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, row);
  }

  /** The full-window overlay shown while files are dragged. */
  dropOverlay(): Locator {
    return this.page.getByTestId('drop-overlay');
  }

  /** Drops files onto the window (no order under them): matched by name. */
  async dropOnWindow(files: DropFile[]): Promise<void> {
    await dropFiles(this.page, files);
  }

  /** Drops files onto the open drawer's evidence zone. */
  async dropOnDrawer(files: DropFile[]): Promise<void> {
    await dropFiles(this.page, files, '[data-testid=evidence-drop]');
  }

  /** Pastes an image as Ctrl+V after a screenshot tool would: a paste event whose clipboard holds the file. */
  async paste(file: DropFile): Promise<void> {
    await this.page.evaluate(({ name, mime, base64 }) => {
      // Runs in the page; the Node-side tsconfig has no DOM types, so name only what is used.
      const w = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: object): unknown } };
        File: new (parts: Uint8Array[], name: string, o: { type: string }) => object;
        ClipboardEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; clipboardData: object }) => object;
        atob(s: string): string;
        document: { body: { dispatchEvent(e: object): boolean } };
      };
      const bin = w.atob(base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new w.DataTransfer();
      dt.items.add(new w.File([bytes], name, { type: mime }));
      w.document.body.dispatchEvent(new w.ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt }));
    }, { name: file.name, mime: file.mime ?? 'image/png', base64: file.bytes.toString('base64') });
  }

  /** Opens an order's drawer by its row (on the product name: the content cell has buttons of its own). */
  async openOrder(orderNo: string): Promise<void> {
    await this.page.locator(`[data-testid=order-row][data-order-no="${orderNo}"] [data-col=productName]`).click();
  }

  /** Waits until the toasts (已保存…) are gone: for a screenshot of what stays. */
  async messagesGone(): Promise<void> {
    await this.page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  }

  /** The open order drawer. */
  drawer(): Locator {
    return this.page.getByTestId('order-drawer');
  }

  /** The drawer's 凭证 section. */
  section(): Locator {
    return this.drawer().getByTestId('evidence-section');
  }

  /** The count beside 凭证 (shown items). */
  count(): Locator {
    return this.section().getByTestId('evidence-count');
  }

  /** The shown evidence cards (removed ones not included). */
  cards(): Locator {
    return this.section().getByTestId('evidence-thumbs').getByTestId('evidence-card');
  }

  /** One card by the file's name. */
  card(name: string): Locator {
    return this.section().locator(`[data-testid=evidence-card][data-name="${name}"]`);
  }

  /** The <img> of a card. */
  thumbImage(card: Locator): Locator {
    return card.locator('img');
  }

  /** The image's natural width once loaded (0: not loaded, or broken). */
  async naturalWidth(img: Locator): Promise<number> {
    await img.evaluate((el) => {
      const i = el as unknown as { complete: boolean; decode(): Promise<void> };
      return i.complete ? undefined : i.decode().catch(() => undefined);
    });
    return img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth);
  }

  /** The full-size preview (antd Image preview). */
  preview(): Locator {
    return this.page.locator('.ant-image-preview');
  }

  /** 移除 a card with the reason. */
  async hide(card: Locator, reason: string): Promise<void> {
    await card.getByTestId('evidence-hide').click();
    const dialog = this.page.getByTestId('evidence-hide-dialog');
    await dialog.getByTestId('evidence-hide-reason').fill(reason);
    await this.page.getByTestId('evidence-hide-ok').click();
  }

  /** 显示已移除 and the removed cards. */
  showHiddenSwitch(): Locator {
    return this.section().getByTestId('evidence-show-hidden');
  }

  hiddenCards(): Locator {
    return this.section().getByTestId('evidence-hidden').getByTestId('evidence-card');
  }

  /** The import dialog of a drop of many files. */
  importDialog(): Locator {
    return this.page.getByTestId('evidence-import-dialog');
  }

  importCount(which: 'matched' | 'unmatched' | 'refused'): Locator {
    return this.importDialog().getByTestId(`evidence-import-${which}-count`);
  }

  matchedRows(): Locator {
    return this.importDialog().getByTestId('evidence-import-matched').locator('tbody tr.ant-table-row');
  }

  unmatchedRow(name: string): Locator {
    return this.importDialog().locator(`[data-testid=evidence-unmatched-row][data-name="${name}"]`);
  }

  /** Assigns an unmatched file to an order (types the order number, 添加). */
  async assign(name: string, orderNo: string): Promise<void> {
    const row = this.unmatchedRow(name);
    await row.getByTestId('evidence-unmatched-input').fill(orderNo);
    await row.getByTestId('evidence-unmatched-assign').click();
  }

  /** Assigns an unmatched file whose name named two orders to one of them (the select, 添加). */
  async chooseCandidate(name: string, orderNo: string): Promise<void> {
    const row = this.unmatchedRow(name);
    await row.getByTestId('evidence-unmatched-select').click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(orderNo).click();
    await row.getByTestId('evidence-unmatched-assign').click();
  }

  async closeImportDialog(): Promise<void> {
    await this.importDialog().getByTestId('evidence-import-close').click();
  }

  /** The 凭证 screen. */
  async openScreen(): Promise<void> {
    await this.page.getByTestId('nav-evidence').click();
  }

  screen(): Locator {
    return this.page.getByTestId('evidence-screen');
  }

  async search(text: string): Promise<void> {
    await this.screen().getByTestId('evidence-search').fill(text);
    await this.screen().getByTestId('evidence-search-button').click();
  }

  hits(): Locator {
    return this.screen().getByTestId('evidence-hit');
  }

  hit(orderNo: string): Locator {
    return this.screen().locator(`[data-testid=evidence-hit][data-order-no="${orderNo}"]`);
  }

  /** 证据包 of one order on the 凭证 screen, saved as the browser downloads it. */
  async packFromHit(orderNo: string): Promise<SavedFile> {
    return this.download(() => this.hit(orderNo).getByTestId('evidence-hit-pack').click());
  }

  /** 生成证据包 in the open drawer. */
  async packFromDrawer(): Promise<SavedFile> {
    return this.download(() => this.section().getByTestId('evidence-pack-order').click());
  }

  /** 发货凭证 PNG or PDF from the open drawer. */
  async record(format: 'png' | 'pdf'): Promise<SavedFile> {
    return this.download(() => this.section().getByTestId(`evidence-record-${format}`).click());
  }

  /** Runs 数据校验 and waits for its result. */
  async verify(): Promise<void> {
    await this.screen().getByTestId('verify-button').click();
    await this.page.locator('[data-testid=verify-ok], [data-testid=verify-bad], [data-testid=verify-error]').first().waitFor();
  }

  verifyOk(): Locator {
    return this.page.getByTestId('verify-ok');
  }

  verifyBad(): Locator {
    return this.page.getByTestId('verify-bad');
  }

  verifyProblems(): Locator {
    return this.page.getByTestId('verify-problems').locator('li');
  }

  private async download(click: () => Promise<void>): Promise<SavedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 30_000 }), click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
}

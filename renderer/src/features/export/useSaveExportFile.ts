/** 保存 a file of an export (export.file): kept in the data folder, saved again as often as needed. */
import { useCallback, useState } from 'react';
import { App } from 'antd';
import type { ExportFile } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { saveBytes } from '../../lib/files/download';
import { useShop } from '../shops';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function mimeOf(name: string): string {
  return /\.xlsx$/i.test(name) ? XLSX_TYPE : /\.csv$/i.test(name) ? 'text/csv;charset=utf-8' : 'application/octet-stream';
}

export function useSaveExportFile() {
  const { message } = App.useApp();
  const { shopId } = useShop();
  /** The file (id) being fetched now, or 'all'. */
  const [saving, setSaving] = useState<number | 'all' | null>(null);

  const fetchAndSave = useCallback(async (file: ExportFile) => {
    const got = await call('export.file', { shopId, fileId: file.id });
    saveBytes(got.name, got.bytes, mimeOf(got.name));
  }, [shopId]);

  const save = useCallback(async (file: ExportFile) => {
    setSaving(file.id);
    try {
      await fetchAndSave(file);
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setSaving(null);
    }
  }, [fetchAndSave, message]);

  const saveAll = useCallback(async (files: readonly ExportFile[]) => {
    setSaving('all');
    try {
      for (const f of files) await fetchAndSave(f);
      message.success(t('export.files.savedAll', { count: files.length }));
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setSaving(null);
    }
  }, [fetchAndSave, message]);

  return { saving, save, saveAll };
}

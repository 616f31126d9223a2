import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../main/core/io/limits';
import { MAX_BODY_BYTES } from '../../main/web/server';
import { firstTooLarge, formatBytes, MAX_IMPORT_FILE_BYTES, tooLargeError, WEB_MAX_BODY_BYTES } from '../../shared/rules/file-limits';

describe('file size limits, agreed by every host', () => {
  it('the import, the CLI and the web host read their caps from one place', () => {
    expect(LIMITS.maxFileBytes).toBe(MAX_IMPORT_FILE_BYTES);
    expect(MAX_BODY_BYTES).toBe(WEB_MAX_BODY_BYTES);
    expect(formatBytes(MAX_IMPORT_FILE_BYTES)).toBe('1 GB');
    expect(formatBytes(WEB_MAX_BODY_BYTES)).toBe('256 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('a picked file over the import limit is refused from its size, naming it', () => {
    expect(firstTooLarge([{ name: 'ok.csv', size: 10 }, { name: 'b.csv', size: MAX_IMPORT_FILE_BYTES }])).toBeNull();
    const e = firstTooLarge([{ name: 'ok.csv', size: 10 }, { name: '订单-全部.csv', size: MAX_IMPORT_FILE_BYTES + 1 }]);
    expect(e).toMatchObject({ code: 'FILE_TOO_LARGE', file: '订单-全部.csv', notes: [{ key: 'SIZE_LIMIT', params: { limit: '1 GB' } }] });
    expect(e?.message).toBe('文件「订单-全部.csv」：文件太大，超出 VShip 一次可导入的上限，请分批导出（上限 1 GB）');
    expect(tooLargeError(WEB_MAX_BODY_BYTES).message).toBe('文件太大，超出 VShip 一次可导入的上限，请分批导出（上限 256 MB）');
  });
});

/**
 * The feature-slice boundary of the renderer (eslint.config.mjs, ARCHITECTURE.md "Feature
 * slices"): a feature uses another only through its entry file, and the window shell, ui/ and
 * lib/ never reach into a feature's files. Linted as the real config sees a file at that path.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

/** The no-restricted-imports messages for `code` placed at `filePath` (relative to the repo). */
async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const FEATURE_PROBE = 'renderer/src/features/orders/Probe.tsx';

describe('renderer feature boundaries', () => {
  it('reports a feature reaching into another feature’s files', async () => {
    const messages = await restricted("import { StockView } from '../stock/StockView';\nexport const probe = StockView;\n", FEATURE_PROBE);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('entry file');
  });

  it('reports the same deep import spelled through features/', async () => {
    const messages = await restricted("import { StockView } from '../../features/stock/StockView';\nexport const probe = StockView;\n", FEATURE_PROBE);
    expect(messages).toHaveLength(1);
  });

  it('lets a feature use another through its entry file, its own files, ui/ and lib/', async () => {
    const code = [
      "import { StockView } from '../stock';",
      "import { OrdersGrid } from './OrdersGrid';",
      "import { SecretModal } from '../../ui/SecretModal';",
      "import { useNow } from '../../lib/useNow';",
      'export const probe = [StockView, OrdersGrid, SecretModal, useNow];',
      '',
    ].join('\n');
    expect(await restricted(code, FEATURE_PROBE)).toEqual([]);
  });

  it('reports the window shell reaching into a feature’s files, and not its entry file', async () => {
    const deep = await restricted("import { OrdersGrid } from '../features/orders/OrdersGrid';\nexport const probe = OrdersGrid;\n", 'renderer/src/app/Probe.tsx');
    expect(deep).toHaveLength(1);
    const entry = await restricted("import { OrdersScreen } from '../features/orders';\nexport const probe = OrdersScreen;\n", 'renderer/src/app/Probe.tsx');
    expect(entry).toEqual([]);
  });

  it('keeps the renderer’s own rules inside features (no Node modules)', async () => {
    const messages = await restricted("import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n", FEATURE_PROBE);
    expect(messages).toHaveLength(1);
  });
});

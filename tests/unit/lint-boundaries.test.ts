/**
 * The feature-slice boundary of the renderer (eslint.config.mjs, ARCHITECTURE.md "Feature
 * slices"): a feature uses another only through its entry file and never imports the window
 * shell (app/); app/ never reaches into a feature's files; ui/ and lib/ never import a feature at
 * all. Static imports (no-restricted-imports) and dynamic `import()` (no-restricted-syntax) alike.
 * Linted as the real config sees a file at that path.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/** The boundary messages (static or dynamic imports) for `code` placed at `filePath` (relative to the repo). */
async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

/** A module that imports `from` statically and uses the binding. */
const staticImport = (from: string): string => `import * as probe from '${from}';\nexport const used = probe;\n`;
/** A module that imports `from` with `import()`, as a string and as a template literal. */
const dynamicImport = (from: string): string => `export const a = () => import('${from}');\nexport const b = () => import(\`${from}\`);\n`;

const FEATURE_PROBE = 'renderer/src/features/orders/Probe.tsx';
const APP_PROBE = 'renderer/src/app/Probe.tsx';
const UI_PROBE = 'renderer/src/ui/Probe.tsx';
const LIB_PROBE = 'renderer/src/lib/Probe.ts';
const LIB_NESTED_PROBE = 'renderer/src/lib/format/Probe.ts';

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

  it.each(['../stock/StockView', './../stock/StockView', '../../features/stock/StockView', './../../features/stock/StockView'])(
    'reports a feature importing %s with import(), as a string and a template literal',
    async (from) => {
      const messages = await restricted(dynamicImport(from), FEATURE_PROBE);
      expect(messages).toHaveLength(2);
      expect(messages[0]).toContain('entry file');
    },
  );

  it('reports a deep import spelled with a leading ./', async () => {
    expect(await restricted(staticImport('./../stock/StockView'), FEATURE_PROBE)).toHaveLength(1);
  });

  it.each(['../../app/TopBar', './../../app/TopBar', '../../app'])('reports a feature importing the window shell (%s)', async (from) => {
    const messages = await restricted(staticImport(from), FEATURE_PROBE);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('app/');
    expect(await restricted(dynamicImport(from), FEATURE_PROBE)).toHaveLength(2);
  });

  it('lets a feature import another’s entry file, its own files, ui/, lib/, i18n/, bridge/ and shared/, statically or with import()', async () => {
    for (const from of ['../stock', './../stock', './OrdersGrid', './after-sale', '../../ui/SecretModal', '../../lib/useNow', '../../lib/format/dates', '../../i18n', '../../bridge', '../../../../shared/contract', '../../../../shared/rules/ship-by']) {
      expect(await restricted(staticImport(from), FEATURE_PROBE), from).toEqual([]);
      expect(await restricted(dynamicImport(from), FEATURE_PROBE), from).toEqual([]);
    }
  });

  it('reports the window shell reaching into a feature’s files with import() or a leading ./, and not its entry file', async () => {
    expect(await restricted(dynamicImport('../features/orders/OrdersGrid'), APP_PROBE)).toHaveLength(2);
    expect(await restricted(staticImport('./../features/orders/OrdersGrid'), APP_PROBE)).toHaveLength(1);
    expect(await restricted(staticImport('./features/orders/OrdersGrid'), 'renderer/src/main.tsx')).toHaveLength(1);
    expect(await restricted(dynamicImport('../features/orders'), APP_PROBE)).toEqual([]);
    expect(await restricted(staticImport('./features/orders'), 'renderer/src/main.tsx')).toEqual([]);
    expect(await restricted(staticImport('./TopBar'), APP_PROBE)).toEqual([]);
  });

  it.each([
    [UI_PROBE, '../features/orders'],
    [UI_PROBE, '../features/orders/OrdersGrid'],
    [UI_PROBE, './../features/orders'],
    [UI_PROBE, '../features'],
    [LIB_PROBE, '../features/stock'],
    [LIB_PROBE, '../features/stock/StockView'],
    [LIB_NESTED_PROBE, '../../features/orders'],
  ])('reports %s importing a feature at all (%s)', async (file, from) => {
    const messages = await restricted(staticImport(from), file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('never import a feature');
    expect(await restricted(dynamicImport(from), file)).toHaveLength(2);
  });

  it('lets ui/ and lib/ import each other, i18n/, bridge/ and shared/', async () => {
    for (const [file, from] of [
      [UI_PROBE, './tokens'],
      [UI_PROBE, '../lib/useNow'],
      [UI_PROBE, '../i18n'],
      [LIB_PROBE, '../ui/tokens'],
      [LIB_PROBE, '../bridge'],
      [LIB_NESTED_PROBE, '../../../../shared/rules/ship-by'],
    ]) {
      expect(await restricted(staticImport(from), file), `${file}: ${from}`).toEqual([]);
      expect(await restricted(dynamicImport(from), file), `${file}: ${from}`).toEqual([]);
    }
  });

  it('keeps the renderer’s own rules in ui/ and lib/ (no Node modules)', async () => {
    expect(await restricted(staticImport('node:fs'), UI_PROBE)).toHaveLength(1);
    expect(await restricted(staticImport('node:fs'), LIB_PROBE)).toHaveLength(1);
  });
});

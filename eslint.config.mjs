// Lint: TypeScript rules plus the folder boundaries of ARCHITECTURE.md, enforced here and by the
// split tsconfigs: shared/ runs anywhere; main/core never imports electron; renderer/ never
// imports Node or main/; only main/app imports electron.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'net', 'stream', 'url', 'zlib', 'util', 'events'];
const pattern = (group, message) => ({ group, message });

const RENDERER_PATTERNS = [
  pattern(NODE_BUILTINS, 'The renderer is a browser page: no Node modules.'),
  pattern(['electron', 'electron/*', '**/main/**', 'better-sqlite3', 'exceljs'], 'The renderer talks to the core only through the bridge (shared/contract).'),
];
const FEATURES = ['shops', 'import', 'orders', 'products', 'stock', 'allocation', 'messages'];
// `../stock/StockView` or `../../features/stock/StockView` from inside a feature: a deep import.
const CROSS_FEATURE = {
  regex: `^(\\.\\./)+(features/)?(${FEATURES.join('|')})/.+`,
  message: 'Import another feature through its entry file (`../stock`, its index.ts), not its files: what it exports there is what others may use.',
};
// `./features/orders/OrdersGrid` or `../features/orders/OrdersGrid` from app/, ui/, lib/ (or main.tsx).
const INTO_FEATURE = {
  regex: '^(\\./|(\\.\\./)+)features/[^/]+/.+',
  message: 'Import a feature through its entry file (`../features/orders`), not its files.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'tests/.tmp/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(NODE_BUILTINS, 'shared/ runs in the renderer too: no Node modules.'),
        pattern(['electron', 'react', 'react-dom', 'antd', '../main/*', '../renderer/*', '**/main/**', '**/renderer/**'], 'shared/ imports only shared/ (and pure libraries like zod).'),
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'electron/*'], 'Only main/app/ may import electron: tests load main/core, main/web and main/cli.'),
        pattern(['**/renderer/**', 'react', 'antd'], 'main/ does not import the renderer.'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: RENDERER_PATTERNS }] },
  },
  // Feature slices (ARCHITECTURE.md): another feature only through its entry file (`../stock`,
  // never `../stock/StockView`); app/, ui/, lib/ never reach into a feature's files either. These
  // blocks repeat the renderer's patterns: a later block's options replace, not add to, earlier ones.
  {
    files: ['renderer/src/features/**/*.ts', 'renderer/src/features/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...RENDERER_PATTERNS, CROSS_FEATURE] }] },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    ignores: ['renderer/src/features/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...RENDERER_PATTERNS, INTO_FEATURE] }] },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['electron'], 'Tests never import electron (no binary here); use Playwright _electron.')] }],
    },
  },
);

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
const FEATURES = ['shops', 'import', 'orders', 'products', 'stock', 'allocation', 'messages', 'rules', 'findings', 'export'];
// Every relative specifier may start with a redundant `./` (`./../stock/StockView`).
const UP = '(\\./)?(\\.\\./)+';
// `../stock/StockView` or `../../features/stock/StockView` from inside a feature: a deep import.
const CROSS_FEATURE = {
  regex: `^${UP}(features/)?(${FEATURES.join('|')})/.+`,
  message: 'Import another feature through its entry file (`../stock`, its index.ts), not its files: what it exports there is what others may use.',
};
// `../../app/TopBar` from inside a feature: the window shell uses features, never the reverse.
const FEATURE_INTO_APP = {
  regex: `^${UP}app(/.*)?$`,
  message: 'A feature does not import the window shell (app/): app/ uses features, not the reverse.',
};
// `./features/orders/OrdersGrid` or `../features/orders/OrdersGrid` from app/ (or main.tsx, bridge/, i18n/).
const INTO_FEATURE = {
  regex: '^(\\./|(\\./)?(\\.\\./)+)features/[^/]+/.+',
  message: 'Import a feature through its entry file (`../features/orders`), not its files.',
};
// `../features/orders` (even the entry file) from ui/ or lib/: widgets and generic helpers.
const ANY_FEATURE = {
  regex: `^${UP}features(/.*)?$`,
  message: 'ui/ and lib/ are generic (widgets, helpers): they never import a feature, not even its entry file.',
};

/** A no-restricted-imports pattern given as a regex (`{ regex, message }`). */
const importPattern = ({ regex, message }) => ({ regex, message });
/**
 * no-restricted-imports never sees `import('…')`: the same regexes as no-restricted-syntax
 * selectors on ImportExpression, for a string source and a template literal without
 * expressions. esquery ends a /regex/ at the first unescaped `/`, hence the escaping.
 */
function dynamicImports(...rules) {
  return rules.flatMap(({ regex, message }) => {
    const re = regex.replace(/\//g, '\\/');
    return [
      { selector: `ImportExpression[source.value=/${re}/]`, message },
      { selector: `ImportExpression[source.type="TemplateLiteral"][source.expressions.length=0][source.quasis.0.value.cooked=/${re}/]`, message },
    ];
  });
}
/** The renderer's patterns plus `extra` (a later block's options replace an earlier block's). */
const boundaries = (...extra) => ({
  'no-restricted-imports': ['error', { patterns: [...RENDERER_PATTERNS, ...extra.map(importPattern)] }],
  'no-restricted-syntax': ['error', ...dynamicImports(...extra)],
});

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
    rules: boundaries(CROSS_FEATURE, FEATURE_INTO_APP),
  },
  {
    files: ['renderer/src/ui/**/*.ts', 'renderer/src/ui/**/*.tsx', 'renderer/src/lib/**/*.ts', 'renderer/src/lib/**/*.tsx'],
    rules: boundaries(ANY_FEATURE),
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    ignores: ['renderer/src/features/**', 'renderer/src/ui/**', 'renderer/src/lib/**'],
    rules: boundaries(INTO_FEATURE),
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['electron'], 'Tests never import electron (no binary here); use Playwright _electron.')] }],
    },
  },
);

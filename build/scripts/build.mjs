// Builds VShip: Node bundles for the CLI, browser-mode host, import worker and Electron shell
// (esbuild, CommonJS, node_modules left external), then the renderer (Vite).
// `--node` builds only the Node bundles (fast; run by `prepare` so `npx vship` works after install).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nodeOnly = process.argv.includes('--node');
const define = { __VSHIP_VERSION__: JSON.stringify(pkg.version) };

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define,
};

await Promise.all([
  build({
    ...common,
    packages: 'external',
    entryPoints: {
      cli: 'main/cli/index.ts',
      web: 'main/web/index.ts',
      'job-worker': 'main/core/jobs/job-worker.ts',
      app: 'main/app/main.ts',
    },
    outdir: 'out/main',
    outExtension: { '.js': '.cjs' },
  }),
  // The sandboxed preload can require only `electron`: bundle everything else in.
  build({ ...common, entryPoints: { preload: 'main/app/preload.ts' }, external: ['electron'], outdir: 'out/main', outExtension: { '.js': '.cjs' } }),
]);

if (!nodeOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), define, logLevel: 'warn' });
}

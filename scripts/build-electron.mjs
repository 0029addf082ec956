// Bundles the main process, the export render thread and the preload into dist/electron/.
// main.cjs and exportWorker.cjs carry their npm dependencies inside (lowdb and others are ESM-only); only 'electron' stays external.
// preload.cjs runs in a sandboxed renderer, where require() knows only 'electron': the build fails on anything else.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildExportWorker, exportWorkerDefine } from './build-export-worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

await build({
  ...common,
  entryPoints: [path.join(root, 'electron/main.ts')],
  outfile: path.join(outdir, 'main.cjs'),
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  define: exportWorkerDefine('exportWorker.cjs', 'cjs'),
});
await buildExportWorker(path.join(outdir, 'exportWorker.cjs'), { format: 'cjs', target: 'node22' });

const preloadFile = path.join(outdir, 'preload.cjs');
await build({
  ...common,
  entryPoints: [path.join(root, 'electron/preload/preload.ts')],
  outfile: preloadFile,
  platform: 'browser',
  target: 'chrome130',
});

const preload = await readFile(preloadFile, 'utf8');
const foreignRequires = [...preload.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)]
  .map((match) => match[0])
  .filter((call) => call.replace(/\s/g, '') !== 'require("electron")');
if (foreignRequires.length > 0) {
  console.error(`build-electron: the preload may only require("electron"), but it contains:\n  ${foreignRequires.join('\n  ')}`);
  process.exit(1);
}
console.log(`build-electron: wrote ${path.relative(root, outdir)}/main.cjs, exportWorker.cjs and preload.cjs`);

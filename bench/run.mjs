// npm run bench: bundles the benches with esbuild (Node 20 runs no TypeScript) and runs them.
//   BENCH_STORIES (1000): stories in the export bench; BENCH_LIBRARY_STORIES (10000): stories in the library bench;
//   BENCH_ONLY=export|library: run one of them; BENCH_DIR=/dev/shm: measure without the disk.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildExportWorker, exportWorkerDefine } from '../scripts/build-export-worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-build-'));
const only = process.env.BENCH_ONLY;

async function bundle(name) {
  const outfile = path.join(outdir, `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, 'bench', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // The export bench renders in the same threads as the app and the CLI: the worker is bundled beside it.
    define: exportWorkerDefine('exportWorker.mjs', 'esm'),
    banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
  });
  return outfile;
}

function run(file, args) {
  const result = spawnSync(process.execPath, [file, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}

try {
  if (!only || only === 'export') {
    console.log('== Export ==');
    await buildExportWorker(path.join(outdir, 'exportWorker.mjs'), { format: 'esm', target: 'node20' });
    run(await bundle('exportBench'), [path.join(root, 'assets', 'export.css')]);
  }
  if (!only || only === 'library') {
    console.log('\n== Library ==');
    const memory = await bundle('libraryMemory');
    run(await bundle('libraryBench'), [memory]);
  }
} finally {
  await rm(outdir, { recursive: true, force: true });
}

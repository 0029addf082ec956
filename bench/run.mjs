// npm run bench: bundles the benches with esbuild (Node 20 runs no TypeScript) and runs them.
//   BENCH_STORIES (1000): stories in the export bench; BENCH_LIBRARY_STORIES (10000): stories in the library bench;
//   BENCH_ONLY=export|library|typing (or the first argument: `node bench/run.mjs typing`): run one of them;
//   BENCH_DIR=/dev/shm: measure without the disk. The typing bench needs the built renderer (npm run build:renderer).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildExportWorker, exportWorkerDefine } from '../scripts/build-export-worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-build-'));
const only = process.argv[2] ?? process.env.BENCH_ONLY;

/**
 * The typing bench starts the e2e harness, whose files find dist/ from their own folder: import.meta.dirname in them
 * stays the folder they are in. Playwright and esbuild are loaded at run time from the repository (see typingBench.ts).
 */
const keepHarnessDirname = {
  name: 'keep-harness-dirname',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]e2e[\\/]harness[\\/][^\\/]+\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path))),
      loader: 'ts',
    }));
  },
};

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
    external: ['playwright', 'playwright-core', '@playwright/test', 'esbuild'],
    plugins: [keepHarnessDirname],
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
  if (!only || only === 'typing') {
    console.log('\n== Typing ==');
    run(await bundle('typingBench'), [root]);
  }
} finally {
  await rm(outdir, { recursive: true, force: true });
}

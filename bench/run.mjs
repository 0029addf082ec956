// npm run bench: bundles bench/exportBench.ts with esbuild (Node 20 runs no TypeScript) and runs it.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-build-'));
try {
  const outfile = path.join(outdir, 'exportBench.mjs');
  await build({
    entryPoints: [path.join(root, 'bench', 'exportBench.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
  });
  const result = spawnSync(process.execPath, [outfile, path.join(root, 'assets', 'export.css')], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  await rm(outdir, { recursive: true, force: true });
}

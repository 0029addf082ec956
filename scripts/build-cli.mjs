// Bundles the copydesk command (cli/copydesk.ts) into one runnable ES module, dist/cli/copydesk.mjs, with its npm
// dependencies inside, with the export render thread beside it (exportWorker.mjs), and copies assets/export.css beside
// it (the CLI reads it from there at run time).
// `node scripts/build-cli.mjs --outfile <file>` builds elsewhere (tests).
import { chmod, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { buildExportWorker, exportWorkerDefine } from './build-export-worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the CLI bundle to `outfile`, makes it executable, and puts the export render thread and stylesheet beside it. */
export async function buildCli(outfile = path.join(root, 'dist', 'cli', 'copydesk.mjs')) {
  await build({
    entryPoints: [path.join(root, 'cli', 'copydesk.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    absWorkingDir: root,
    logLevel: 'warning',
    legalComments: 'none',
    define: exportWorkerDefine('exportWorker.mjs', 'esm'),
    // Bundled CommonJS dependencies still call require() for Node builtins.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __copydeskRequire } from 'node:module';\nconst require = __copydeskRequire(import.meta.url);" },
  });
  await buildExportWorker(path.join(path.dirname(outfile), 'exportWorker.mjs'), { format: 'esm', target: 'node20' });
  await chmod(outfile, 0o755);
  await copyFile(path.join(root, 'assets', 'export.css'), path.join(path.dirname(outfile), 'export.css'));
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outfile: { type: 'string' } } });
  const outfile = await buildCli(values.outfile ? path.resolve(values.outfile) : undefined);
  console.log(`build-cli: wrote ${path.relative(root, outfile)}`);
}

// The render thread of batch exports (electron/handlers/exportWorker.ts) is its own bundle, beside the bundle that
// starts it; exportWorkerPool.ts finds it by the name the build gives it here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What the bundle that starts the render threads needs defined: the worker's file name beside it. In CommonJS
 * (Electron's main.cjs) import.meta.dirname is __dirname.
 * @param {string} workerFile the file name of the worker bundle
 * @param {'cjs' | 'esm'} format the format of the bundle that starts it
 */
export function exportWorkerDefine(workerFile, format) {
  return {
    COPYDESK_EXPORT_WORKER: JSON.stringify(workerFile),
    ...(format === 'cjs' ? { 'import.meta.dirname': '__dirname' } : {}),
  };
}

/**
 * Bundles the render thread to `outfile` with its npm dependencies inside, in the format of the bundle that starts it.
 * @param {string} outfile
 * @param {{ format: 'cjs' | 'esm', target: string }} options
 */
export async function buildExportWorker(outfile, { format, target }) {
  await build({
    entryPoints: [path.join(root, 'electron', 'handlers', 'exportWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format,
    target,
    absWorkingDir: root,
    logLevel: 'warning',
    legalComments: 'none',
    // Bundled CommonJS dependencies still call require() for Node builtins.
    ...(format === 'esm' ? { banner: { js: "import { createRequire as __copydeskRequire } from 'node:module';\nconst require = __copydeskRequire(import.meta.url);" } } : {}),
  });
  return outfile;
}

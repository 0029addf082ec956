/** What the bundle that starts the render threads needs defined: the worker's file name beside it. */
export function exportWorkerDefine(workerFile: string, format: 'cjs' | 'esm'): Record<string, string>;
/** Bundles the render thread to `outfile`, in the format of the bundle that starts it; resolves to the file written. */
export function buildExportWorker(outfile: string, options: { format: 'cjs' | 'esm'; target: string }): Promise<string>;

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const ENTRY = path.resolve(import.meta.dirname, '../fixtures/libraryHolder.ts');

export interface LibraryHolder {
  readonly pid: number;
  /** Ends the holder the hard way (kill -9): its lock file stays behind, stale, as after a crash. */
  kill(): Promise<void>;
}

/**
 * Another live process that has the library open, as a second Copydesk would: it runs the real openLibrary (bundled
 * for Node by esbuild) and holds the real lock until killed. Resolves once it holds it.
 */
export async function holdLibrary(libraryDir: string): Promise<LibraryHolder> {
  const outfile = path.join(await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-holder-')), 'libraryHolder.mjs');
  await build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __holderRequire } from 'node:module';\nconst require = __holderRequire(import.meta.url);" },
  });
  const child: ChildProcess = spawn(process.execPath, [outfile, libraryDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('holding')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The library holder exited (${code}) before it held the library.`)));
  });
  return {
    pid: child.pid!,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from './openLibrary.js';

const KILLS = 15;
let dir: string;
let child: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-kill-'));
  child = path.join(dir, 'saveInLoop.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'testing', 'saveInLoop.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __require } from 'node:module';\nconst require = __require(import.meta.url);" },
  });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the saving child, lets it save for `ms` after it is ready, kills it with SIGKILL; the saves it acknowledged. */
function saveThenKill(root: string, ms: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const process = spawn(globalThis.process.execPath, [child, root], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged = new Map<string, number>();
    let pending = '';
    let stderr = '';
    process.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => process.kill('SIGKILL'), ms);
        const [word, id, revision] = line.split(' ');
        if (word === 'saved') acknowledged.set(id!, Number(revision));
      }
    });
    process.on('error', reject);
    process.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`the saving process stopped by itself: ${stderr}`))));
  });
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

describe('a Copydesk killed with SIGKILL while it saves', () => {
  it('leaves every file whole, loses no acknowledged save, and its temp files are gone after the next open', async () => {
    const root = path.join(dir, 'library');
    const setup = await openLibrary(root, { indexDelayMs: 0 });
    for (let i = 0; i < 3; i += 1) await setup.createStory();
    await setup.close();

    const acknowledged = new Map<string, number>();
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let kill = 0; kill < KILLS; kill += 1) {
      for (const [id, revision] of await saveThenKill(root, 50 + Math.floor(random() * 450))) acknowledged.set(id, revision);
    }
    expect(acknowledged.size).toBe(3);

    const strict = new TextDecoder('utf-8', { fatal: true });
    const damaged: string[] = [];
    for (const file of (await filesUnder(root)).filter((name) => name.endsWith('.json'))) {
      try {
        JSON.parse(strict.decode(await readFile(path.join(root, file))));
      } catch {
        damaged.push(file);
      }
    }
    expect(damaged).toEqual([]);

    // The next Copydesk is a new process, started after the killed one's temp files were written.
    await promisify(execFile)(process.execPath, [child, root, 'reopen']);
    expect((await filesUnder(root)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    const library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.problems()).toEqual([]);
    for (const [id, revision] of acknowledged) expect((await library.readStory(id)).revision).toBeGreaterThanOrEqual(revision);
    await library.close();
  }, 120_000);
});

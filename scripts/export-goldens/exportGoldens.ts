import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.join(import.meta.dirname, '..', '..');
/** Where the committed golden exports live. */
export const GOLDEN_DIR = path.join(ROOT, 'shared', 'export', 'golden');
const STYLESHEET = path.join(ROOT, 'assets', 'export.css');

/** The golden exports as a fresh Node process makes them under the given environment (TZ, LANG…). */
export async function renderGoldensInProcess(env: Record<string, string>): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-goldens-'));
  try {
    const outfile = path.join(dir, 'renderGoldens.mjs');
    await build({ entryPoints: [path.join(import.meta.dirname, 'renderGoldens.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
    const output = execFileSync(process.execPath, [outfile, STYLESHEET], { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return JSON.parse(output) as Record<string, string>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Writes the golden exports anew: `npm run goldens:regenerate`. Review the diff before committing; the test never does this.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..', '..');
const goldenDir = path.join(root, 'shared', 'export', 'golden');
const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-goldens-'));
try {
  const outfile = path.join(dir, 'renderGoldens.mjs');
  await build({ entryPoints: [path.join(import.meta.dirname, 'renderGoldens.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
  const output = execFileSync(process.execPath, [outfile, path.join(root, 'assets', 'export.css')], {
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C.UTF-8' },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const files = JSON.parse(output);
  mkdirSync(goldenDir, { recursive: true });
  for (const old of readdirSync(goldenDir)) rmSync(path.join(goldenDir, old));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(goldenDir, name), content);
  console.log(`Wrote ${Object.keys(files).length} golden exports to ${path.relative(process.cwd(), goldenDir)}/`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

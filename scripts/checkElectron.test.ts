import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, 'check-electron.mjs');
const run = promisify(execFile);

/** Runs `node scripts/check-electron.mjs` as `npm start` does; never downloads (the override path disables that). */
async function checkElectron(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm start: the Electron check', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('says what is missing and how to supply it offline, in a few lines, and exits 1 without a stack', async () => {
    const missing = path.join(tmpdir(), 'copydesk-no-electron-here');
    const { code, stdout, stderr } = await checkElectron({ ELECTRON_OVERRIDE_DIST_PATH: missing });
    expect(code).toBe(1);
    const text = stdout + stderr;
    expect(text).toMatch(/cannot start/);
    expect(text).toMatch(/downloads Electron on first use/);
    for (const way of ['ELECTRON_OVERRIDE_DIST_PATH', 'electron_config_cache', 'ELECTRON_MIRROR', 'node_modules/electron/dist']) expect(text).toContain(way);
    expect(text.trim().split('\n').length).toBeLessThanOrEqual(10);
    expect(text).not.toMatch(/\n\s+at |TypeError|Error:/);
  });

  it('lets `electron .` run when the executable is there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'copydesk-electron-folder-'));
    dirs.push(dir);
    const executable = path.join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron');
    await writeFile(executable, '#!/bin/sh\n# stand-in: only its presence is checked\n');
    await chmod(executable, 0o755);
    const { code, stdout, stderr } = await checkElectron({ ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

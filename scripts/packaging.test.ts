// What a user's package holds, checked without network or an Electron download: electron-builder lays out the Linux
// package (`--linux --dir`) around a STAND-IN Electron folder this test makes, then the test reads app.asar.
// Runs after `npm run build` (it packages dist/), as its own step of `npm test`: `npm run test:package`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(file: string): string[]; extractFile(file: string, entry: string): Buffer };
const { getCurrentFuseWire } = require('@electron/fuses') as { getCurrentFuseWire(file: string): Promise<Record<string, unknown>> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };

/** A budget for app.asar: today about 4 MB; node_modules creeping back in would make it 28 MB. */
const ASAR_BUDGET_BYTES = 8 * 1024 * 1024;

/** Every file a package may hold; anything else (tests, sources, maps, node_modules, the CLI) is a mistake. */
const ALLOWED_FILES = [
  /^\/package\.json$/,
  /^\/assets\/export\.css$/,
  /^\/assets\/build\/icons\/256x256\.png$/,
  /^\/dist\/electron\/(main|preload|exportWorker)\.cjs$/,
  /^\/dist\/renderer\/index\.html$/,
  /^\/dist\/renderer\/assets\/[\w.-]+\.(js|css|woff2?|png|svg)$/,
];

// Electron's fuse wire (@electron/fuses FuseV1Options order) begins after this marker in the real executable.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE = { RunAsNode: '0', EnableCookieEncryption: '1', EnableNodeOptionsEnvironmentVariable: '2', EnableNodeCliInspectArguments: '3', EnableEmbeddedAsarIntegrityValidation: '4', OnlyLoadAppFromAsar: '5', GrantFileProtocolExtraPrivileges: '7' };
const ON = 49;
const OFF = 48;

/**
 * A folder that is NOT Electron: a shell script named like Electron's executable, holding a fuse wire in Electron's
 * format with Electron's defaults, so electron-builder can copy it, rename it and flip its fuses.
 */
async function makeStandInElectron(dir: string): Promise<void> {
  const wire = Buffer.from([1, 8, ON, OFF, ON, ON, OFF, OFF, OFF, ON]);
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "This is a stand-in for Electron made by scripts/packaging.test.ts; it cannot run Copydesk." >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    wire,
    Buffer.from('\n'),
  ]);
  await writeFile(path.join(dir, 'electron'), script);
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'version'), '45.5.0');
  await writeFile(path.join(dir, 'STAND-IN.txt'), 'Not Electron: a stand-in that only lets electron-builder lay out the package in a test.\n');
}

const readConfig = async () => yaml.load(await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
const quietLogger = { isEnabled: false, add() {} };

describe('electron-builder.yml', () => {
  it('validates against electron-builder’s schema (and the validator does catch a wrong option)', async () => {
    const config = await readConfig();
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, mac: { ...(config.mac as object), hardenRuntime: true } }, quietLogger)).rejects.toThrow(/configuration\.mac/);
  });

  it('packages for Linux (AppImage, deb), macOS (dmg, zip; hardened runtime, entitlements) and Windows (nsis), with icons', async () => {
    const config = (await readConfig()) as Record<string, Record<string, unknown>> & { appId: string; productName: string };
    expect(config.appId).toBe('com.copydesk.app');
    expect(config.productName).toBe('Copydesk');
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    expect(config.mac!.target).toEqual(['dmg', 'zip']);
    expect(config.mac!.hardenedRuntime).toBe(true);
    expect(config.win!.target).toEqual(['nsis']);
    const entitlements = await readFile(path.join(ROOT, config.mac!.entitlements as string), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    for (const icon of [config.mac!.icon, config.win!.icon, path.join(config.linux!.icon as string, '512x512.png')] as string[]) {
      expect(existsSync(path.join(ROOT, icon)), icon).toBe(true);
    }
  });
});

describe('the Linux package layout, from a stand-in Electron', () => {
  let work: string;
  let unpacked: string;
  let entries: string[];

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'electron', 'main.cjs')) || !existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/ is missing: run `npm run build` before `npm run test:package`.');
    }
    work = await mkdtemp(path.join(tmpdir(), 'copydesk-package-'));
    const standIn = path.join(work, 'stand-in-electron');
    await mkdir(standIn);
    await makeStandInElectron(standIn);
    const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
    await promisify(execFile)(
      process.execPath,
      [cli, '--linux', '--dir', `-c.electronDist=${standIn}`, '-c.electronVersion=45.5.0', `-c.directories.output=${path.join(work, 'out')}`],
      { cwd: ROOT, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
    );
    unpacked = path.join(work, 'out', 'linux-unpacked');
    entries = asar.listPackage(path.join(unpacked, 'resources', 'app.asar'));
  }, 180_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const files = () => entries.filter((entry) => path.extname(entry) !== '' && !entries.some((other) => other.startsWith(`${entry}/`)));
  const read = (entry: string) => asar.extractFile(path.join(unpacked, 'resources', 'app.asar'), entry.replace(/^\//, ''));

  it('holds the main process, preload, renderer, export worker and export stylesheet', () => {
    for (const required of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/exportWorker.cjs', '/dist/renderer/index.html', '/assets/export.css', '/assets/build/icons/256x256.png']) {
      expect(entries).toContain(required);
    }
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
    // The story writer thread runs from source text inside main.cjs (fileWriterThread.ts), not from a file.
    expect(read('/dist/electron/main.cjs').toString('utf8')).toContain('copydesk-file-writer');
    const manifest = JSON.parse(read('/package.json').toString('utf8')) as { main: string };
    expect(entries).toContain(`/${manifest.main}`);
  });

  it('holds nothing else: no node_modules, tests, benchmarks, e2e, sources, source maps or the CLI', () => {
    const unexpected = files().filter((entry) => !ALLOWED_FILES.some((allowed) => allowed.test(entry)));
    expect(unexpected).toEqual([]);
    expect(entries.filter((entry) => /node_modules|\/(e2e|bench|src|test)\/|\.test\.|\.map$|\.ts$|\/cli\//.test(entry))).toEqual([]);
  });

  it('needs no package outside it: the bundles require only Node built-ins and electron', () => {
    const allowed = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'electron']);
    for (const bundle of ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/exportWorker.cjs']) {
      const required = [...read(bundle).toString('utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!);
      expect(required.filter((name) => !allowed.has(name) && !name.startsWith('.')), bundle).toEqual([]);
    }
  });

  it('stays under its size budget', async () => {
    const { size } = await stat(path.join(unpacked, 'resources', 'app.asar'));
    expect(size).toBeLessThan(ASAR_BUDGET_BYTES);
  });

  it('names the executable after the app and sets the fuses electron-builder.yml asks for', async () => {
    const executable = path.join(unpacked, 'copydesk');
    const wire = await getCurrentFuseWire(executable);
    expect({
      runAsNode: wire[FUSE.RunAsNode],
      cookieEncryption: wire[FUSE.EnableCookieEncryption],
      nodeOptions: wire[FUSE.EnableNodeOptionsEnvironmentVariable],
      inspectArguments: wire[FUSE.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FUSE.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FUSE.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[FUSE.GrantFileProtocolExtraPrivileges],
    }).toEqual({ runAsNode: OFF, cookieEncryption: ON, nodeOptions: OFF, inspectArguments: OFF, asarIntegrity: ON, onlyLoadAppFromAsar: ON, fileProtocolPrivileges: OFF });
  });
});

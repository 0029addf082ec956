// `npm start` runs this before `electron .`: it finds the Electron executable the way node_modules/electron does,
// without letting that package start a download whose failure is a stack trace. When the executable is missing it
// tries the package's own download once (quietly); if that fails too it says, in a few lines, what is missing and
// how to supply it without network, and exits 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** Where the electron package keeps its executable, as a path relative to its dist folder. */
function platformPath(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The executable node_modules/electron/index.js would run (same rules: ELECTRON_OVERRIDE_DIST_PATH first, then
 * dist/ + path.txt), and whether it exists.
 * @returns {{ packageDir: string | null, version: string, executable: string | null, overridden: boolean }}
 */
export function findElectron(env = process.env, platform = process.platform) {
  let packageDir = null;
  let version = 'unknown';
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
    version = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    // The package itself is missing: `npm ci` was not run.
  }
  const pathFile = packageDir === null ? null : path.join(packageDir, 'path.txt');
  const relative = pathFile !== null && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate = null;
  if (override) candidate = path.join(override, relative ?? platformPath(platform));
  else if (packageDir !== null) candidate = path.join(packageDir, 'dist', relative ?? platformPath(platform));
  return { packageDir, version, executable: candidate !== null && existsSync(candidate) ? candidate : null, overridden: Boolean(override), candidate };
}

/** The few lines a user reads when Electron is missing. */
export function missingElectronMessage(found, platform = process.platform, arch = process.arch) {
  if (found.packageDir === null) {
    return ['Copydesk cannot start: the electron package is not installed.', 'Run `npm ci` first (it needs the npm registry).'].join('\n');
  }
  const zip = `electron-v${found.version}-${platform}-${arch}.zip`;
  const what = found.overridden
    ? `ELECTRON_OVERRIDE_DIST_PATH points to a folder without the Electron executable (${path.basename(found.candidate ?? 'electron')}).`
    : `the Electron ${found.version} program is not installed, and it could not be downloaded (no network?).`;
  return [
    `Copydesk cannot start: ${what}`,
    `npm downloads Electron on first use, from GitHub (${zip}). Without network, supply it one of these ways:`,
    `  - an unpacked Electron ${found.version} folder:  ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start`,
    `  - a download cache or mirror: electron_config_cache=<a copy of ~/.cache/electron from a machine that downloaded it>`,
    `    or ELECTRON_MIRROR=https://your.mirror/electron/, then run npx install-electron`,
    `  - unpack ${zip} into node_modules/electron/dist and write "${platformPath(platform)}" into node_modules/electron/path.txt`,
    'README.md ("Without network") says more.',
  ].join('\n');
}

/** Runs the electron package's own installer once; true when the executable is there afterwards. */
function tryDownload(found) {
  if (found.packageDir === null || found.overridden || process.env.COPYDESK_NO_ELECTRON_DOWNLOAD) return false;
  console.log(`Copydesk: downloading Electron ${found.version} (first start only)…`);
  const result = spawnSync(process.execPath, [path.join(found.packageDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (result.status === 0 && findElectron().executable !== null) return true;
  // The installer prints a stack; its first line is the reason.
  const reason = (result.stderr ?? '').split('\n').find((line) => line.trim() !== '');
  if (reason) console.error(`Copydesk: the download failed: ${reason.trim()}`);
  return false;
}

function main() {
  const found = findElectron();
  if (found.executable !== null || tryDownload(found)) return 0;
  console.error(missingElectronMessage(found));
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ELECTRON_PACKAGE = path.resolve(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron executable that `npm install electron` downloaded, or null. Reads the package's
 * path.txt instead of requiring it: require('electron') would try to download the binary.
 */
export function electronBinaryPath(): string | null {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** True where Electron itself can run; Electron-only specs are skipped (never passed) elsewhere. */
export function hasElectronBinary(): boolean {
  return electronBinaryPath() !== null;
}

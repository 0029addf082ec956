import os from 'node:os';
import path from 'node:path';
import { lastOpenedLibrary } from '../electron/handlers/preferencesStore.js';

/** The desktop app's user-data folder: Electron's userData for productName "Copydesk". */
export function appUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const appData =
    platform === 'darwin' ? path.join(home, 'Library', 'Application Support')
    : platform === 'win32' ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
    : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'Copydesk');
}

/**
 * The library the desktop app opens on a first start: its user-data folder, plus Library. `COPYDESK_LIBRARY`
 * overrides it, as it does for the app.
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.COPYDESK_LIBRARY) return path.resolve(env.COPYDESK_LIBRARY);
  return path.join(appUserDataDir(env, platform, home), 'Library');
}

/**
 * The library copydesk uses without --library, chosen as the app chooses the library it starts on (electron/main.ts):
 * `COPYDESK_LIBRARY`, else the library the app opened last (the first recent library in the app's preferences.json,
 * if its folder is still there), else the app's first-start library. So the CLI and the app agree.
 */
export async function libraryToUse(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): Promise<string> {
  if (env.COPYDESK_LIBRARY) return path.resolve(env.COPYDESK_LIBRARY);
  const last = await lastOpenedLibrary(path.join(appUserDataDir(env, platform, home), 'preferences.json'));
  return last ?? defaultLibraryDir(env, platform, home);
}

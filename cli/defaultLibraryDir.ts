import os from 'node:os';
import path from 'node:path';

/**
 * The library the desktop app opens by default: Electron's userData folder for productName "Copydesk", plus Library.
 * `COPYDESK_LIBRARY` overrides it, as it does for the app.
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.COPYDESK_LIBRARY) return path.resolve(env.COPYDESK_LIBRARY);
  const appData =
    platform === 'darwin' ? path.join(home, 'Library', 'Application Support')
    : platform === 'win32' ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
    : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'Copydesk', 'Library');
}

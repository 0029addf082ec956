import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryDir } from './defaultLibraryDir.js';

describe('the library copydesk opens by default', () => {
  it('is the app’s own: Electron’s userData for Copydesk, plus Library', () => {
    expect(defaultLibraryDir({}, 'linux', '/home/ana')).toBe(path.join('/home/ana', '.config', 'Copydesk', 'Library'));
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe(path.join('/cfg', 'Copydesk', 'Library'));
    expect(defaultLibraryDir({}, 'darwin', '/Users/ana')).toBe(path.join('/Users/ana', 'Library', 'Application Support', 'Copydesk', 'Library'));
    expect(defaultLibraryDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(path.join('C:\\Users\\ana\\AppData\\Roaming', 'Copydesk', 'Library'));
  });

  it('is COPYDESK_LIBRARY when set, as for the app', () => {
    expect(defaultLibraryDir({ COPYDESK_LIBRARY: '/srv/desk' }, 'linux', '/home/ana')).toBe('/srv/desk');
  });
});

describe('the library copydesk uses without --library, as the app chooses it', () => {
  it('is the library the app opened last, read from the app’s preferences.json', async () => {
    const { mkdtemp, mkdir, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { libraryToUse } = await import('./defaultLibraryDir.js');
    const home = await mkdtemp(path.join(tmpdir(), 'copydesk-cli-home-'));
    try {
      const env = { XDG_CONFIG_HOME: path.join(home, 'config') };
      // No preferences yet: the app's first-start library.
      expect(await libraryToUse(env, 'linux', home)).toBe(path.join(home, 'config', 'Copydesk', 'Library'));
      const desk = path.join(home, 'Night Desk');
      await mkdir(desk);
      await mkdir(path.join(home, 'config', 'Copydesk'), { recursive: true });
      await writeFile(
        path.join(home, 'config', 'Copydesk', 'preferences.json'),
        JSON.stringify({ schemaVersion: 1, userName: '', recentLibraries: [{ path: desk, name: 'Night Desk', openedAt: '2026-12-04T08:00:00.000Z' }] }),
      );
      expect(await libraryToUse(env, 'linux', home)).toBe(desk);
      expect(await libraryToUse({ ...env, COPYDESK_LIBRARY: '/srv/desk' }, 'linux', home)).toBe('/srv/desk');
      // Moved away since: back to the first-start library, as the app does.
      await rm(desk, { recursive: true });
      expect(await libraryToUse(env, 'linux', home)).toBe(path.join(home, 'config', 'Copydesk', 'Library'));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

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

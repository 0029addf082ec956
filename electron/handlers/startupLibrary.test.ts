import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/channels.js';
import { CopydeskError } from '../../shared/result.js';
import { invokeChannel } from '../ipc/invokeChannel.js';
import { acquireLibraryLock, type LibraryLock } from '../storage/files/libraryLock.js';
import { openLibrary } from '../storage/openLibrary.js';
import { openAtStartup, type StartupHandlers } from './startupLibrary.js';

let dir: string;
let events: [EventName, unknown][];
let chosenFolders: (string | null)[];
let lock: LibraryLock | null;
let startup: StartupHandlers | null;

const start = (libraryDir: string) =>
  openAtStartup({
    libraryDir,
    preferencesFile: path.join(dir, 'user-data', 'preferences.json'),
    indexDelayMs: 0,
    live: false,
    ports: {
      chooseImageFile: async () => null,
      chooseExportFolder: async () => null,
      chooseLibraryFolder: async () => chosenFolders.shift() ?? null,
      closeConfirmed: () => void events.push(['flushBeforeClose', 'closed']),
      sendEvent: (name, payload) => void events.push([name, payload]),
    },
  });

/** A library whose lock is held, for real, by a live process (this one: the lock says so; e2e/startupProblems holds it from a child). */
async function lockedLibrary(): Promise<string> {
  const libraryDir = path.join(dir, 'Locked Desk');
  await (await openLibrary(libraryDir, { live: false })).close();
  lock = await acquireLibraryLock(path.join(libraryDir, '.copydesk.lock'));
  return libraryDir;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-startup-'));
  events = [];
  chosenFolders = [];
  lock = null;
  startup = null;
});

afterEach(async () => {
  await startup?.close();
  await lock?.release();
  await rm(dir, { recursive: true, force: true });
});

describe('starting on a library that cannot be opened', () => {
  it('starts anyway, and every library call answers with the reason: a kind and a sentence without the path', async () => {
    const libraryDir = await lockedLibrary();
    startup = await start(libraryDir);
    expect(startup.current).toBeNull();
    expect(startup.problem?.code).toBe('locked');
    expect(startup.problem?.message).toMatch(/already open in this Copydesk/);
    expect(startup.problem?.message).not.toContain(dir);
    for (const channel of ['getLibrary', 'listStories', 'getExportSettings'] as const) {
      expect(await invokeChannel(startup, channel, undefined)).toEqual({ ok: false, error: startup.problem });
    }
    // The preferences and closing the window do not need a library.
    expect(await invokeChannel(startup, 'getPreferences', undefined)).toMatchObject({ ok: true });
    await startup.confirmClose(undefined);
    expect(events).toContainEqual(['flushBeforeClose', 'closed']);
  });

  it('opens the library when asked again once the other Copydesk has let go (Try Again)', async () => {
    const libraryDir = await lockedLibrary();
    startup = await start(libraryDir);
    await expect(startup.getLibrary(undefined)).rejects.toThrow(CopydeskError);
    await lock!.release();
    lock = null;
    await expect(startup.getLibrary(undefined)).resolves.toMatchObject({ name: 'Locked Desk', storyCount: 0 });
    expect(startup.problem).toBeNull();
    expect(startup.current?.library.root).toBe(libraryDir);
  });

  it('opens another library from Open Library… and tells the window', async () => {
    startup = await start(await lockedLibrary());
    const other = path.join(dir, 'New Desk');
    chosenFolders.push(other);
    expect(await startup.openLibraryDialog(undefined)).toEqual({ name: 'New Desk' });
    expect(events).toContainEqual(['libraryChanged', { name: 'New Desk' }]);
    await expect(startup.getLibrary(undefined)).resolves.toMatchObject({ name: 'New Desk' });
    // Now it is the library the app remembers.
    expect((await startup.getPreferences(undefined)).recentLibraries[0]?.name).toBe('New Desk');
  });

  it('refuses a folder that is not a library, and stays on the reason', async () => {
    startup = await start(await lockedLibrary());
    const documents = path.join(dir, 'Documents');
    await mkdir(documents);
    await writeFile(path.join(documents, 'letter.txt'), 'Dear editor');
    chosenFolders.push(documents);
    await expect(startup.openLibraryDialog(undefined)).rejects.toThrow(/not a Copydesk library/);
    expect(startup.current).toBeNull();
    expect(startup.problem?.code).toBe('locked');
  });

  it('gives a file-system reason, not a crash, when the folder cannot be made (a file is in the way)', async () => {
    await writeFile(path.join(dir, 'not-a-folder'), '');
    startup = await start(path.join(dir, 'not-a-folder', 'Library'));
    expect(startup.problem?.code).toMatch(/^(io|invalid-input|not-found)$/);
    expect(startup.problem?.message).not.toContain(dir);
  });

  it('opens the library at once when nothing is wrong', async () => {
    startup = await start(path.join(dir, 'Desk'));
    expect(startup.problem).toBeNull();
    await expect(startup.getLibrary(undefined)).resolves.toMatchObject({ name: 'Desk' });
  });
});

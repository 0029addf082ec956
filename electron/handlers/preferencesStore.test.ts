import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_RECENT_LIBRARIES, openPreferences } from './preferencesStore.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-prefs-'));
  file = path.join(dir, 'settings', 'preferences.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('takes changes made 8 at a time, 160 in all: none fails, none is lost, no temp file is left', async () => {
  const preferences = await openPreferences(file);
  for (let round = 0; round < 20; round += 1) {
    const names = Array.from({ length: 8 }, (_, i) => `Library ${round}-${i}`);
    const results = await Promise.allSettled([
      ...names.slice(0, 7).map((name) => preferences.noteOpened(path.join(dir, name), name)),
      preferences.setUserName(`Writer ${round}`),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.userName).toBe(`Writer ${round}`);
    // The seven libraries opened at once are all in the list, the last one first.
    expect(onDisk.recentLibraries.slice(0, 7).map((entry: { name: string }) => entry.name)).toEqual(names.slice(0, 7).reverse());
    expect(preferences.get().recentLibraries.map((entry) => entry.name)).toEqual(onDisk.recentLibraries.map((entry: { name: string }) => entry.name));
  }
  expect(preferences.get().recentLibraries).toHaveLength(MAX_RECENT_LIBRARIES);
  expect(await readdir(path.dirname(file))).toEqual(['preferences.json']);
  // What was written is what a new start reads.
  const reopened = await openPreferences(file);
  expect(reopened.get()).toEqual(preferences.get());
});

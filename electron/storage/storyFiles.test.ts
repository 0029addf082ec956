import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileChecked } from './storyFiles.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an atomic, checked write', () => {
  it('replaces the file and returns the stamp of exactly what it wrote', async () => {
    const file = path.join(dir, 'story.json');
    await writeFile(file, 'old');
    const stamp = await writeFileChecked(file, () => '{ "new": "“text”" }\n');
    const info = await stat(file);
    expect(stamp).toEqual({ mtimeMs: info.mtimeMs, size: info.size });
    expect(await readFile(file, 'utf8')).toBe('{ "new": "“text”" }\n');
    expect(await readdir(dir)).toEqual(['story.json']);
  });

  it('leaves the file and no temp file behind when the check refuses, or there is nothing to write', async () => {
    const file = path.join(dir, 'story.json');
    await writeFile(file, 'theirs');
    const seen: unknown[] = [];
    await expect(writeFileChecked(file, () => 'mine', (current) => {
      seen.push(current);
      throw new Error('changed on disk');
    })).rejects.toThrow('changed on disk');
    expect(seen).toEqual([{ mtimeMs: expect.any(Number), size: 6 }]);
    expect(await writeFileChecked(file, () => null)).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['story.json']);
  });

  it('tells the check there is no file yet', async () => {
    const file = path.join(dir, 'new.json');
    let current: unknown = 'unset';
    await writeFileChecked(file, () => 'first', (stamp) => void (current = stamp));
    expect(current).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('first');
  });
});

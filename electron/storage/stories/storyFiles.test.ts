import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaleFileError, writeFileChecked } from './storyFiles.js';

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
    expect(stamp).toEqual({ mtimeMs: info.mtimeMs, size: info.size, ...(Number.isInteger(info.mtimeMs) ? { sha256: createHash('sha256').update(await readFile(file)).digest('hex') } : {}) });
    expect(await readFile(file, 'utf8')).toBe('{ "new": "“text”" }\n');
    expect(await readdir(dir)).toEqual(['story.json']);
  });

  it('leaves the file and no temp file behind when the file on disk is not the version the check names, or there is nothing to write', async () => {
    const file = path.join(dir, 'story.json');
    await writeFile(file, 'theirs');
    const info = await stat(file);
    await expect(writeFileChecked(file, () => 'mine', { unchangedSince: { mtimeMs: info.mtimeMs, size: info.size + 1 } })).rejects.toBeInstanceOf(StaleFileError);
    await expect(writeFileChecked(file, () => 'mine', { unchangedSince: { mtimeMs: info.mtimeMs - 1000, size: info.size } })).rejects.toBeInstanceOf(StaleFileError);
    expect(await writeFileChecked(file, () => null)).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['story.json']);
  });

  it('replaces the file when it is still the version the check names', async () => {
    const file = path.join(dir, 'story.json');
    await writeFile(file, 'theirs');
    const info = await stat(file);
    const stamp = await writeFileChecked(file, () => 'mine', { unchangedSince: { mtimeMs: info.mtimeMs, size: info.size } });
    expect(await readFile(file, 'utf8')).toBe('mine');
    expect(stamp).toMatchObject({ mtimeMs: (await stat(file)).mtimeMs, size: 4 });
  });

  it('refuses a checked write where the file has gone, and writes a new file without a check', async () => {
    const file = path.join(dir, 'new.json');
    await expect(writeFileChecked(file, () => 'first', { unchangedSince: { mtimeMs: 1, size: 1 } })).rejects.toBeInstanceOf(StaleFileError);
    expect(await readdir(dir)).toEqual([]);
    await writeFileChecked(file, () => 'first');
    expect(await readFile(file, 'utf8')).toBe('first');
  });

  it('writes many files at once, each whole, and reports a failure with its cause and no temp file', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `story ${i} `.repeat(2000 + i));
    await Promise.all(texts.map((text, i) => writeFileChecked(path.join(dir, `s${i}.json`), () => text)));
    for (const [i, text] of texts.entries()) expect(await readFile(path.join(dir, `s${i}.json`), 'utf8')).toBe(text);
    await expect(writeFileChecked(path.join(dir, 'missing-folder', 'x.json'), () => 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

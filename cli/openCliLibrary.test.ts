import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openLibrary } from '../electron/storage/openLibrary.js';
import { openCliLibrary } from './openCliLibrary.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-cli-lock-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

it('takes the lock as the copydesk command, so an app refused by it names the command', async () => {
  const cli = await openCliLibrary({ libraryDir: root, create: true });
  try {
    expect(JSON.parse(await readFile(path.join(root, '.copydesk.lock'), 'utf8'))).toMatchObject({ pid: process.pid, holder: 'cli' });
    // Another process reads holder 'cli' and names the copydesk command (libraryLock.test.ts); this one is refused too.
    await expect(openLibrary(root, { lockHolder: 'app' })).rejects.toMatchObject({ code: 'locked' });
  } finally {
    await cli.close();
  }
});

import * as fs from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WRITER_SOURCE } from './fileWriterThread.js';
import { makeFolderDurably, renameDurably, tempFileFor, writeFileDurably, type DurableWriteFs } from './writeFileDurably.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TEMP_NAME = new RegExp(`^\\.story\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`);

/** The real fs calls, each noted as it is made: `open(<name>)`, `write(<name>)`, `fsync(<name>)`… */
function recordingFs(calls: string[]): DurableWriteFs {
  const name = (file: fs.PathLike) => (path.resolve(String(file)) === dir ? '<folder>' : TEMP_NAME.test(path.basename(String(file))) ? '<temp>' : path.basename(String(file)));
  return {
    open: (async (file: fs.PathLike, flags?: string) => {
      calls.push(`open ${name(file)} ${flags}`);
      const handle = await open(file, flags);
      const of = name(file);
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async (data: string | Uint8Array) => (calls.push(`write ${of}`), handle.writeFile(data)),
        sync: async () => (calls.push(`fsync ${of}`), handle.sync()),
        close: async () => (calls.push(`close ${of}`), handle.close()),
      });
    }) as DurableWriteFs['open'],
    rename: async (from, to) => (calls.push(`rename ${name(from)} → ${name(to)}`), rename(from, to)),
    unlink: async (file) => (calls.push(`unlink ${name(file)}`), unlink(file)),
  };
}

const DURABLE_ORDER = ['open <temp> wx', 'write <temp>', 'fsync <temp>', 'close <temp>', 'rename <temp> → story.json', 'open <folder> r', 'fsync <folder>', 'close <folder>'];

describe('a durable write', () => {
  it('writes a temp file of its own, fsyncs it, closes it, renames it over the file and fsyncs the folder, in that order', async () => {
    const file = path.join(dir, 'story.json');
    await writeFile(file, 'old');
    const calls: string[] = [];
    await writeFileDurably(file, '{ "headline": "“new”" }\n', { fs: recordingFs(calls) });
    expect(calls).toEqual(DURABLE_ORDER);
    expect(await readFile(file, 'utf8')).toBe('{ "headline": "“new”" }\n');
    expect(await readdir(dir)).toEqual(['story.json']);
  });

  it('names its temp files after the file, the process and a random part, so no two writes share one', () => {
    const names = new Set(Array.from({ length: 50 }, () => path.basename(tempFileFor(path.join(dir, 'story.json')))));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(TEMP_NAME);
  });

  it('does not fsync the folder on Windows, where a folder cannot be opened to be fsynced', async () => {
    const calls: string[] = [];
    await writeFileDurably(path.join(dir, 'story.json'), 'text', { fs: recordingFs(calls), platform: 'win32' });
    expect(calls).toEqual(DURABLE_ORDER.slice(0, 5));
  });

  it('retries a rename Windows refuses for a moment (a file held open by another program), and only there', async () => {
    const file = path.join(dir, 'story.json');
    // A file held open elsewhere cannot be made on Linux: the rename fails twice with EPERM, as Windows would say.
    const holdOpenTwice = (): DurableWriteFs => {
      let refusals = 2;
      return { open, unlink, rename: async (from, to) => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' })) : rename(from, to)) };
    };
    await writeFileDurably(file, 'on windows', { fs: holdOpenTwice(), platform: 'win32' });
    expect(await readFile(file, 'utf8')).toBe('on windows');
    await expect(writeFileDurably(file, 'elsewhere', { fs: holdOpenTwice(), platform: 'linux' })).rejects.toMatchObject({ code: 'EPERM' });
    expect(await readFile(file, 'utf8')).toBe('on windows');
    expect(await readdir(dir)).toEqual(['story.json']);
  });

  it('leaves the file as it was and no temp file when the rename fails', async () => {
    const file = path.join(dir, 'story.json');
    await mkdir(file);
    await writeFile(path.join(file, 'inside'), 'a folder in the way');
    await expect(writeFileDurably(file, 'text')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await readdir(dir)).toEqual(['story.json']);
    expect(await readdir(file)).toEqual(['inside']);
  });
});

describe('a durable move and a durable new folder', () => {
  it('a move into another folder (the Trash, quarantine) fsyncs the folder it entered and the folder it left', async () => {
    await mkdir(path.join(dir, 'stories'));
    await mkdir(path.join(dir, 'trash'));
    await writeFile(path.join(dir, 'stories', 'story.json'), 'text');
    const calls: string[] = [];
    const fsCalls = recordingFs(calls);
    const named = { ...fsCalls, open: (async (file: fs.PathLike, flags?: string) => (calls.push(`open ${path.basename(String(file))} ${flags}`), open(file, flags))) as DurableWriteFs['open'] };
    await renameDurably(path.join(dir, 'stories', 'story.json'), path.join(dir, 'trash', 'story.json'), { fs: named });
    expect(calls).toEqual(['rename story.json → story.json', 'open trash r', 'open stories r']);
    expect(await readFile(path.join(dir, 'trash', 'story.json'), 'utf8')).toBe('text');
  });

  it('a new folder is made with every missing folder above it, and the folder holding each new one is fsynced', async () => {
    const target = path.join(dir, 'revisions', 'story-1');
    const opened: string[] = [];
    const noting = { rename, unlink, open: (async (file: fs.PathLike, flags?: string) => (opened.push(path.relative(dir, String(file)) || '<folder>'), open(file, flags))) as DurableWriteFs['open'] };
    await makeFolderDurably(target, { fs: noting });
    expect((await fs.promises.stat(target)).isDirectory()).toBe(true);
    expect(opened).toEqual(['revisions', '<folder>']);
    await makeFolderDurably(target, { fs: noting });
    expect(opened).toHaveLength(2);
    await writeFile(path.join(dir, 'file'), 'in the way');
    await expect(makeFolderDurably(path.join(dir, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
  });
});

describe("the writer thread's durable write", () => {
  /** Runs the writer thread's source here, with fs calls noted, and makes one write through its message handler. */
  function writerThreadWrite(request: object, calls: string[]) {
    const require = createRequire(import.meta.url);
    const name = (file: fs.PathLike | number) => {
      const text = String(file);
      return path.resolve(text) === dir ? '<folder>' : TEMP_NAME.test(path.basename(text)) ? '<temp>' : path.basename(text);
    };
    const fds = new Map<number, string>();
    const recording = {
      ...fs,
      openSync: (file: fs.PathLike, flags: string) => {
        calls.push(`open ${name(file)} ${flags}`);
        const fd = fs.openSync(file, flags);
        fds.set(fd, name(file));
        return fd;
      },
      writeSync: (fd: number, ...rest: [Uint8Array, number, number, number]) => (calls.push(`write ${fds.get(fd)}`), fs.writeSync(fd, ...rest)),
      fsyncSync: (fd: number) => (calls.push(`fsync ${fds.get(fd)}`), fs.fsyncSync(fd)),
      closeSync: (fd: number) => (calls.push(`close ${fds.get(fd)}`), fs.closeSync(fd)),
      renameSync: (from: fs.PathLike, to: fs.PathLike) => (calls.push(`rename ${name(from)} → ${name(to)}`), fs.renameSync(from, to)),
      unlinkSync: (file: fs.PathLike) => (calls.push(`unlink ${name(file)}`), fs.unlinkSync(file)),
    };
    let onMessage: ((request: object) => void) | undefined;
    let reply: unknown;
    const parentPort = { on: (_event: string, listener: (request: object) => void) => (onMessage = listener), postMessage: (message: unknown) => (reply = message) };
    const fakeRequire = (id: string) => (id === 'node:fs' ? recording : id === 'node:worker_threads' ? { parentPort } : require(id));
    new Function('require', WRITER_SOURCE)(fakeRequire);
    onMessage!({ id: 1, ...request });
    return reply;
  }

  it('makes the same calls in the same order, its stat and check between the fsync and the close', async () => {
    const file = path.join(dir, 'story.json');
    await writeFile(file, 'old');
    const calls: string[] = [];
    const reply = writerThreadWrite({ file, temp: tempFileFor(file), bytes: new TextEncoder().encode('new text') }, calls);
    expect(reply).toMatchObject({ id: 1, stamp: { size: 8 } });
    expect(calls).toEqual(DURABLE_ORDER);
    expect(await readFile(file, 'utf8')).toBe('new text');
    expect(await readdir(dir)).toEqual(['story.json']);
  });
});

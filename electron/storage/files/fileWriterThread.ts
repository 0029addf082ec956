import { Worker } from 'node:worker_threads';
import type { FileStamp } from '../stories/storyFiles.js';

/** One durable write for the writer thread: `bytes` into `temp` (a name from tempFileFor), fsynced, renamed over `file`. */
export interface AtomicWrite {
  file: string;
  temp: string;
  /** The content, encoded: its memory moves to the writer thread (the array is empty here afterwards). */
  bytes: Uint8Array;
  /**
   * When set, `file` must still be exactly this version right before the rename, or nothing is replaced: the same time
   * and size and, when `sha256` is given, the same bytes (the file is read and hashed).
   */
  unchangedSince?: FileStamp;
}

export type AtomicWriteOutcome = { stamp: FileStamp } | { stale: true };

type Reply = { id: number } & ({ stamp: FileStamp } | { stale: true } | { error: { message: string; code?: string; syscall?: string; path?: string } });

/**
 * The writer thread's code. It makes each write with synchronous calls, one after the other — open, write, fsync, stat
 * of both files, close, rename, fsync of the folder (the steps of writeFileDurably.ts, which it cannot import) — so a
 * save costs the main thread one message each way instead of a round trip through the thread pool per call, and the
 * main thread never blocks on the disk. Plain JavaScript, evaluated as the thread's entry: it needs no file of its own
 * in the app bundle, the CLI bundle or under Vitest. Exported for the test that checks the order of its calls.
 */
export const WRITER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const stampOf = (info) => ({ mtimeMs: info.mtimeMs, size: info.size });
function currentStamp(file) {
  try {
    const info = fs.statSync(file, { throwIfNoEntry: false });
    return info && info.isFile() ? stampOf(info) : null;
  } catch (error) {
    if (error.code === 'ENOTDIR') return null;
    throw error;
  }
}
// The SHA-256 of the file's bytes now, read to the end without following a link (as readStoryFile).
function currentSha256(file) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0));
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(64 * 1024);
    for (let bytesRead; (bytesRead = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, bytesRead));
    return hash.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}
// As syncFolder in writeFileDurably.ts: a folder cannot be fsynced on Windows; EINVAL/ENOTSUP file systems cannot either.
function syncFolder(dir) {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (error.code !== 'EINVAL' && error.code !== 'ENOTSUP') throw error;
  } finally {
    fs.closeSync(fd);
  }
}
function write({ file, temp, bytes, unchangedSince }) {
  let fd = fs.openSync(temp, 'wx');
  try {
    for (let written = 0; written < bytes.length; ) {
      const count = fs.writeSync(fd, bytes, written, bytes.length - written, written);
      if (count === 0) throw new Error('nothing more could be written to ' + temp);
      written += count;
    }
    fs.fsyncSync(fd);
    const stamp = stampOf(fs.fstatSync(fd));
    // As coarseTime in storyFiles.ts: on a clock in whole milliseconds, the bytes tell this version apart.
    if (Number.isInteger(stamp.mtimeMs)) stamp.sha256 = createHash('sha256').update(bytes).digest('hex');
    if (unchangedSince) {
      const current = currentStamp(file);
      const same = current && current.mtimeMs === unchangedSince.mtimeMs && current.size === unchangedSince.size &&
        (!unchangedSince.sha256 || currentSha256(file) === unchangedSince.sha256);
      if (!same) {
        fs.closeSync(fd);
        fd = -1;
        fs.unlinkSync(temp);
        return { stale: true };
      }
    }
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(temp, file);
    syncFolder(path.dirname(file));
    return { stamp };
  } catch (error) {
    if (fd !== -1) try { fs.closeSync(fd); } catch {}
    try { fs.unlinkSync(temp); } catch {}
    throw error;
  }
}
parentPort.on('message', (request) => {
  let reply;
  try {
    reply = { id: request.id, ...write(request) };
  } catch (error) {
    reply = { id: request.id, error: { message: String(error && error.message), code: error && error.code, syscall: error && error.syscall, path: error && error.path } };
  }
  parentPort.postMessage(reply);
});
`;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve(outcome: AtomicWriteOutcome): void; reject(error: Error): void }>();

function settleAll(error: Error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function writerThread(): Worker {
  if (worker) return worker;
  const thread = new Worker(WRITER_SOURCE, { eval: true, name: 'copydesk-file-writer' });
  thread.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    // Idle, the thread must not keep a process (the CLI, a test) alive; while a write is pending it must.
    if (pending.size === 0) thread.unref();
    if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiting.resolve('stale' in reply ? { stale: true } : { stamp: reply.stamp });
  });
  const stopped = (error: Error) => {
    if (worker === thread) worker = null;
    settleAll(error);
  };
  thread.on('error', (error) => stopped(error));
  thread.on('exit', (code) => stopped(new Error(`the file writer stopped (exit code ${code})`)));
  thread.unref();
  worker = thread;
  return thread;
}

/** Makes one atomic write on the writer thread (writes to different files may be in flight at once; each is whole). */
export function writeOnWriterThread(request: AtomicWrite): Promise<AtomicWriteOutcome> {
  const thread = writerThread();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, ...request }, [request.bytes.buffer as ArrayBuffer]);
  });
}

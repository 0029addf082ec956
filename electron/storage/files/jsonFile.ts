import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { decodeUtf8Strictly, InvalidUtf8Error } from './decodeUtf8Strictly.js';
import { writeFileDurably } from './writeFileDurably.js';

/** A corrupt file's `message` is the parser's (bad JSON) or InvalidUtf8Error's (bad bytes, `notUtf8`). */
export type JsonRead = { kind: 'missing' } | { kind: 'ok'; data: unknown } | { kind: 'corrupt'; message: string; notUtf8?: true };

/**
 * lowdb's adapter for one JSON file, in place of lowdb's own (whose steno writer does not fsync and whose reader
 * decodes bad bytes as U+FFFD): written with writeFileDurably, read as strict UTF-8.
 */
class DurableJsonFile implements Adapter<unknown> {
  constructor(private readonly filePath: string) {}

  async read(): Promise<unknown> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(decodeUtf8Strictly(bytes)) as unknown;
  }

  write(data: unknown): Promise<void> {
    return writeFileDurably(this.filePath, `${JSON.stringify(data, null, 2)}\n`);
  }
}

/** Reads a JSON file through lowdb; a file that does not parse (or is not UTF-8) is reported, never thrown. */
export async function readJsonFile(filePath: string): Promise<JsonRead> {
  const db = new Low<unknown>(new DurableJsonFile(filePath), null);
  try {
    await db.read();
  } catch (error) {
    if (error instanceof InvalidUtf8Error) return { kind: 'corrupt', message: error.message, notUtf8: true };
    if (error instanceof SyntaxError) return { kind: 'corrupt', message: error.message };
    throw error;
  }
  return db.data === null ? { kind: 'missing' } : { kind: 'ok', data: db.data };
}

/** Writes pretty-printed JSON atomically and durably (writeFileDurably: temp file, fsync, rename, fsync of the folder). */
export async function writeJsonFile(filePath: string, data: unknown): Promise<void> {
  const db = new Low<unknown>(new DurableJsonFile(filePath), data);
  await db.write();
}

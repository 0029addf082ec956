import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { writeFileDurably } from './writeFileDurably.js';

export type JsonRead = { kind: 'missing' } | { kind: 'ok'; data: unknown } | { kind: 'corrupt'; message: string };

/**
 * lowdb's adapter for one JSON file, in place of lowdb's own (whose steno writer does not fsync): written with
 * writeFileDurably.
 */
class DurableJsonFile implements Adapter<unknown> {
  constructor(private readonly filePath: string) {}

  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as unknown;
  }

  write(data: unknown): Promise<void> {
    return writeFileDurably(this.filePath, `${JSON.stringify(data, null, 2)}\n`);
  }
}

/** Reads a JSON file through lowdb; a file that does not parse is reported, never thrown. */
export async function readJsonFile(filePath: string): Promise<JsonRead> {
  const db = new Low<unknown>(new DurableJsonFile(filePath), null);
  try {
    await db.read();
  } catch (error) {
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

import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';

export type JsonRead = { kind: 'missing' } | { kind: 'ok'; data: unknown } | { kind: 'corrupt'; message: string };

function fileFor(filePath: string) {
  return new DataFile<unknown>(filePath, {
    parse: (text) => JSON.parse(text) as unknown,
    stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
  });
}

/** Reads a JSON file through lowdb; a file that does not parse is reported, never thrown. */
export async function readJsonFile(filePath: string): Promise<JsonRead> {
  const db = new Low<unknown>(fileFor(filePath), null);
  try {
    await db.read();
  } catch (error) {
    if (error instanceof SyntaxError) return { kind: 'corrupt', message: error.message };
    throw error;
  }
  return db.data === null ? { kind: 'missing' } : { kind: 'ok', data: db.data };
}

/** Writes pretty-printed JSON atomically (temp file + rename, lowdb's steno writer). */
export async function writeJsonFile(filePath: string, data: unknown): Promise<void> {
  const db = new Low<unknown>(fileFor(filePath), data);
  await db.write();
}

import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';

/** Moves a file the library cannot read into quarantine/, keeping every byte, and returns its new name. */
export async function quarantineFile(filePath: string, quarantineDir: string, now = new Date()): Promise<string> {
  await mkdir(quarantineDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const parsed = path.parse(filePath);
  const target = path.join(quarantineDir, `${parsed.name}.${stamp}${parsed.ext}`);
  await rename(filePath, target);
  return path.basename(target);
}

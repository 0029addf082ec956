import { readFileSync } from 'node:fs';

const read = new Map<string, string>();

/** The text of the export stylesheet (assets/export.css), read from disk once per process. */
export function readExportStylesheet(file: string): string {
  let css = read.get(file);
  if (css === undefined) {
    css = readFileSync(file, 'utf8');
    read.set(file, css);
  }
  return css;
}

import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/contract.js';
import { CopydeskError } from '../shared/result.js';
import { StoryIdSchema } from '../shared/story.js';
import { readExportManifest } from '../electron/handlers/exportManifest.js';
import { assertWritableFolder } from '../electron/handlers/exportStoryBatch.js';
import { readExportStylesheet } from '../electron/handlers/readExportStylesheet.js';
import { assertExportable } from '../electron/handlers/writeStoryExport.js';
import { pathExists } from '../electron/storage/files/pathExists.js';
import type { CliOutput } from './cliOutput.js';
import { openCliLibrary } from './openCliLibrary.js';
import { UsageError } from './usageError.js';

export interface ExportCommandOptions {
  /** assets/export.css, for documents when the library's settings ask for the stylesheet. */
  stylesheetFile: string;
}

function parseExportArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { all: { type: 'boolean' }, out: { type: 'string' }, format: { type: 'string', default: 'document' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.all && positionals.length) throw new UsageError('export', 'give story ids or --all, not both');
  if (!values.all && !positionals.length) throw new UsageError('export', 'give the ids of the stories to export, or --all');
  if (!values.out) throw new UsageError('export', '--out <dir> is required');
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError('export', `--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`);
  }
  return { ids: positionals, all: values.all === true, out: path.resolve(values.out), format: values.format as ExportFormat };
}

/**
 * mkdir -p one level at a time from the nearest existing folder: Node's recursive mkdir never returns where a
 * level cannot be made but its parent exists (e.g. under /proc).
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  while (!(await pathExists(current))) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) await mkdir(level);
}

/** Creates the export folder if needed; an existing file in its way, or a folder Copydesk may not write to, is an error. */
async function prepareFolder(out: string): Promise<void> {
  const info = await stat(out).catch(() => null);
  if (info && !info.isDirectory()) throw new CopydeskError('io', `The export folder “${out}” is a file, not a folder.`);
  if (!info) {
    await makeFolders(out).catch((error: NodeJS.ErrnoException) => {
      throw new CopydeskError('io', `The export folder “${out}” could not be created: ${error.code === 'EACCES' || error.code === 'EPERM' ? 'Copydesk may not write there' : error.message}.`);
    });
  }
  await assertWritableFolder(out);
}

function readStylesheet(file: string): string | null {
  try {
    return readExportStylesheet(file);
  } catch {
    return null;
  }
}

export async function exportCommand(args: string[], libraryDir: string, output: CliOutput, options: ExportCommandOptions): Promise<number> {
  const { ids, all, out, format } = parseExportArgs(args);
  const stylesheet = readStylesheet(options.stylesheetFile);
  const handlers = await openCliLibrary({ libraryDir, exportFolder: out, exportStylesheet: stylesheet ?? '', readOnly: true });
  try {
    if (stylesheet === null && format === 'document' && handlers.library.exportSettings().stylesheet) {
      throw new CopydeskError('not-found', `The export stylesheet is missing (${options.stylesheetFile}); reinstall Copydesk.`);
    }
    const storyIds = all ? handlers.library.listSummaries().map((summary) => summary.id) : [...new Set(ids)];
    if (!storyIds.length) throw new CopydeskError('not-found', 'The library has no stories to export.');
    // Everything that can be known before writing is checked first, so a failure writes nothing.
    for (const id of storyIds) {
      if (!StoryIdSchema.safeParse(id).success || !handlers.library.hasStory(id)) {
        throw new CopydeskError('not-found', `There is no story with id “${id}” in the library.`);
      }
      const story = await handlers.library.readStory(id);
      try {
        assertExportable(story, handlers.library.librarySettings());
        if (story.image) await handlers.library.readMedia(story.image.id);
      } catch (error) {
        throw new CopydeskError('invalid-input', `Story ${id} (${story.headline || 'Untitled'}) cannot be exported: ${(error as Error).message}`);
      }
    }
    if (await stat(out).then((info) => info.isDirectory(), () => false)) await readExportManifest(out);
    await prepareFolder(out);

    const summary = await handlers.exportStories({ ids: storyIds, format });
    if (!summary) throw new CopydeskError('internal', 'The export folder was not given.');
    for (const entry of summary.exported) output.out(`${entry.id}\t${entry.folder}`);
    for (const failure of summary.failed) output.err(`copydesk: ${failure.id} (${failure.headline || 'Untitled'}) was not exported: ${failure.message}`);
    return summary.failed.length ? 1 : 0;
  } finally {
    await handlers.close();
  }
}

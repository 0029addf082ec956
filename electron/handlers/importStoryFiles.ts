import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { INTERCHANGE_FORMAT, INTERCHANGE_FORMAT_VERSION } from '../../shared/export/storyInterchange.js';
import { readImageInfo } from '../../shared/imageInfo.js';
import { CopydeskError } from '../../shared/result.js';
import type { Story } from '../../shared/story.js';
import { canonicalJson } from '../storage/files/canonicalJson.js';
import type { LibraryStore } from '../storage/openLibrary.js';
import { migrateStory } from '../storage/migrations/migrateStory.js';
import { pathExists } from '../storage/files/pathExists.js';
import { fileSystemReason } from '../storage/files/ioError.js';
import { keepAllowedLinks } from '../../shared/storyLinks.js';
import { decodeUtf8Strictly, InvalidUtf8Error } from '../storage/files/decodeUtf8Strictly.js';

export interface CheckedFile {
  file: string;
  story: Story;
  /** What was changed to hold the story to the editor's rules, one sentence each (links taken off their text). */
  warnings: string[];
  /** The image file beside the JSON to copy into the library; null when the library has the image already or there is none. */
  imagePath: string | null;
}

export interface ImportedStory {
  file: string;
  id: string;
  /** added: under its own id; copied: under a new id, because the library has a different story with its id; unchanged: already there. */
  outcome: 'added' | 'copied' | 'unchanged';
  warnings: string[];
}

/**
 * The story held to the editor's link rule. A link the link dialog would refuse (javascript:, data:, a space in it…)
 * is taken off its text, which is kept word for word, and named in a warning: refusing the whole file would hold back
 * a story over one bad address, and keeping the address would store what the editor never lets a writer make (and
 * the json export would write it back out).
 */
function withAllowedLinks(file: string, story: Story): { story: Story; warnings: string[] } {
  const { body, dropped } = keepAllowedLinks(story.body);
  const warnings = dropped.map(({ text, href, reason }) =>
    `${file}: the link on “${text.length > 60 ? `${text.slice(0, 60)}…` : text}” to ${JSON.stringify(href.length > 80 ? `${href.slice(0, 80)}…` : href)} was removed, its text kept (${reason})`);
  return { story: body === story.body ? story : { ...story, body }, warnings };
}

const badFile = (file: string, reason: string) => new CopydeskError('invalid-input', `${file}: ${reason}`);

function describeReadError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EISDIR') return 'it is a folder, not a story.json file';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'Copydesk may not read it';
  return fileSystemReason(error);
}

/** Reads and validates one story.json (and its lead image) without writing anything. */
async function checkStoryFile(file: string, mediaFile: (mediaId: string) => string): Promise<CheckedFile> {
  const fileBytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw badFile(file, describeReadError(error));
  });
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUtf8Strictly(fileBytes));
  } catch (error) {
    if (error instanceof InvalidUtf8Error) throw badFile(file, `not valid UTF-8: the first bad byte is at offset ${error.offset}`);
    throw badFile(file, `not valid JSON (${(error as Error).message})`);
  }
  const envelope = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (envelope.format !== INTERCHANGE_FORMAT) throw badFile(file, 'not a Copydesk story export (a story.json file)');
  const version = envelope.formatVersion;
  if (typeof version === 'number' && version > INTERCHANGE_FORMAT_VERSION) {
    throw badFile(file, `it was written by a newer Copydesk (format version ${version}); update Copydesk to import it`);
  }
  if (version !== INTERCHANGE_FORMAT_VERSION) throw badFile(file, `format version ${String(version)} is not one Copydesk knows`);
  let migrated: Story;
  try {
    migrated = migrateStory(envelope.story);
  } catch (error) {
    throw badFile(file, (error as Error).message);
  }
  const { story, warnings } = withAllowedLinks(file, migrated);
  if (!story.image) return { file, story, warnings, imagePath: null };

  const imageFile = envelope.imageFile;
  if (imageFile !== null && (typeof imageFile !== 'string' || path.basename(imageFile) !== imageFile || imageFile.startsWith('.'))) {
    throw badFile(file, 'imageFile must be the name of a file beside it');
  }
  const hasImage = await pathExists(mediaFile(story.image.id));
  if (typeof imageFile !== 'string') {
    if (hasImage) return { file, story, warnings, imagePath: null };
    throw badFile(file, 'the story has a lead image, but no image file was exported with it (export it with the json format)');
  }
  const imagePath = path.join(path.dirname(file), imageFile);
  const bytes = await readFile(imagePath).catch((error: NodeJS.ErrnoException) => {
    if (hasImage) return null;
    throw badFile(file, `its lead image ${imageFile}: ${describeReadError(error)}`);
  });
  if (bytes === null) return { file, story, warnings, imagePath: null };
  const info = readImageInfo(bytes);
  const id = info ? `${createHash('sha256').update(bytes).digest('hex')}.${info.extension}` : null;
  if (id !== story.image.id) throw badFile(file, `its lead image ${imageFile} is not the picture the story was exported with`);
  return { file, story, warnings, imagePath: hasImage ? null : imagePath };
}

/**
 * Reads and validates story.json files (the JSON interchange format) and their lead images, writing nothing.
 * `mediaFile` says where the target library keeps an image, so one it already has need not be beside the JSON.
 */
export async function checkStoryFiles(files: readonly string[], mediaFile: (mediaId: string) => string): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const file of files) checked.push(await checkStoryFile(file, mediaFile));
  return checked;
}

/**
 * Adds checked stories to a library. A story is never overwritten: one whose id the library already holds with
 * other content comes in as a copy under a new id; an identical one is left as it is.
 */
export async function addCheckedStories(library: LibraryStore, checked: readonly CheckedFile[]): Promise<ImportedStory[]> {
  const results: ImportedStory[] = [];
  for (const { file, story, warnings, imagePath } of checked) {
    if (imagePath) await library.importImage(imagePath);
    let outcome: ImportedStory['outcome'] = 'added';
    let id = story.id;
    if (library.hasStory(id)) {
      const existing = await library.readStory(id).catch(() => null);
      // story.json carries no notes: the stored story is the same one if all but its notes match.
      if (existing && canonicalJson({ ...existing, notes: [] }) === canonicalJson({ ...story, notes: [] })) {
        results.push({ file, id, outcome: 'unchanged', warnings });
        continue;
      }
      id = randomUUID();
      outcome = 'copied';
    }
    try {
      await library.addStory({ ...story, id }, { reason: 'import' });
    } catch (error) {
      // A story file the index does not list (one from a newer Copydesk, left untouched) still holds the id.
      if (!(error instanceof CopydeskError) || error.code !== 'conflict') throw error;
      id = randomUUID();
      outcome = 'copied';
      await library.addStory({ ...story, id }, { reason: 'import' });
    }
    results.push({ file, id, outcome, warnings });
  }
  return results;
}


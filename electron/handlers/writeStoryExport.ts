import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat } from '../../shared/contract.js';
import type { StoryExporter } from '../../shared/export/createStoryExporter.js';
import { leadImageFileName } from '../../shared/export/leadImageFileName.js';
import { storyInterchangeJson } from '../../shared/export/storyInterchange.js';
import { storySlug } from '../../shared/export/storySlug.js';
import type { ExportSettings } from '../../shared/exportSettings.js';
import { DEFAULT_LIBRARY_SETTINGS } from '../../shared/librarySettings.js';
import { assertPreflightPasses } from '../../shared/preflight/assertPreflightPasses.js';
import type { PreflightSettings } from '../../shared/preflight/runPreflight.js';
import { CopydeskError } from '../../shared/result.js';
import type { Story } from '../../shared/story.js';
import { mediaDataUri } from './mediaDataUri.js';

/** What every export needs besides the story: the exporter, the library's settings, and where its images are. */
export interface ExportContext {
  exporter: StoryExporter;
  settings: ExportSettings;
  mediaFile(mediaId: string): string;
  /** The library's preflight levels and limits (the defaults when not given). */
  preflight?: PreflightSettings;
}

export interface StoryExport {
  folder: string;
  slug: string;
  files: string[];
}

/** One story's export, rendered and ready to write: each file's content, or the library image to copy. */
export interface PreparedExport {
  slug: string;
  storyId: string;
  files: [name: string, content: string | { copyFrom: string }][];
}

/** The HTML file each format writes; the JSON format writes story.json alone. */
export const HTML_FILE: Record<ExportFormat, string | null> = { document: 'index.html', fragment: 'fragment.html', json: null };

const IMAGE_MISSING = 'The lead image is missing from the library’s media folder.';

/** Refuses a story that would publish badly: one where a check the library set to block finds a problem (by default a lead image without alt text, a missing headline, a placeholder, a pending suggestion). */
export function assertExportable(story: Story, preflight: PreflightSettings = DEFAULT_LIBRARY_SETTINGS): void {
  assertPreflightPasses(story, preflight, 'the export');
}

export function exportWriteError(parent: string, error: unknown): CopydeskError {
  if (error instanceof CopydeskError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'Copydesk may not write there'
    : code === 'ENOSPC' ? 'the disk is full'
    : (error as Error).message;
  return new CopydeskError('io', `The export could not be written to “${parent}”: ${reason}.`);
}

/**
 * Renders one story's export: the format's HTML file, the lead image (copied, unless the settings embed it in the
 * HTML) and story.json. Nothing is written yet.
 */
export async function prepareStoryExport(story: Story, format: ExportFormat, context: ExportContext): Promise<PreparedExport> {
  assertExportable(story, context.preflight);
  const image = embeddedImage(story, format, context);
  const bytes = image
    ? await readFile(image).catch(() => {
        throw new CopydeskError('not-found', IMAGE_MISSING);
      })
    : null;
  return renderStoryExport(story, format, context, bytes);
}

/** prepareStoryExport with the embedded image read synchronously: for render threads, where nothing else waits. */
export function prepareStoryExportSync(story: Story, format: ExportFormat, context: ExportContext): PreparedExport {
  assertExportable(story, context.preflight);
  const image = embeddedImage(story, format, context);
  let bytes: Buffer | null = null;
  if (image) {
    try {
      bytes = readFileSync(image);
    } catch {
      throw new CopydeskError('not-found', IMAGE_MISSING);
    }
  }
  return renderStoryExport(story, format, context, bytes);
}

/** The library file of the lead image when the HTML embeds it. */
function embeddedImage(story: Story, format: ExportFormat, context: ExportContext): string | null {
  return story.image && HTML_FILE[format] && context.settings.imageMode === 'embed' ? context.mediaFile(story.image.id) : null;
}

function renderStoryExport(story: Story, format: ExportFormat, context: ExportContext, embeddedBytes: Buffer | null): PreparedExport {
  const { settings, exporter } = context;
  const embed = settings.imageMode === 'embed' && format !== 'json';
  const imageFile = embed ? null : leadImageFileName(story);
  const files: PreparedExport['files'] = [];
  const htmlFile = HTML_FILE[format];
  if (htmlFile) {
    const dataUri = embeddedBytes && story.image ? mediaDataUri(story.image.id, embeddedBytes) : undefined;
    files.push([htmlFile, format === 'document' ? exporter.document(story, settings, { dataUri }) : exporter.fragment(story, settings, { dataUri })]);
  }
  if (imageFile && story.image) files.push([imageFile, { copyFrom: context.mediaFile(story.image.id) }]);
  files.push(['story.json', storyInterchangeJson(story, imageFile)]);
  return { slug: storySlug(story), storyId: story.id, files };
}

/** The names in an export folder now, to choose new story folders against. */
export async function exportFolderNames(parent: string): Promise<Set<string>> {
  return new Set(await readdir(parent).catch(() => []));
}

/**
 * The folder a story exports to: its slug, or slug-2, slug-3… when another story's export, any other file, or a
 * name claimed earlier in the same batch holds it. A folder holding this same story's earlier export is reused.
 */
export async function claimExportFolder(
  parent: string,
  prepared: Pick<PreparedExport, 'slug' | 'storyId'>,
  existing: ReadonlySet<string>,
  claimed: Set<string>,
): Promise<{ folder: string; replacing: boolean }> {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? prepared.slug : `${prepared.slug}-${n}`;
    if (claimed.has(name)) continue;
    let replacing = false;
    if (existing.has(name)) {
      const earlier = await readFile(path.join(parent, name, 'story.json'), 'utf8').catch(() => null);
      try {
        replacing = (JSON.parse(earlier ?? 'null') as { story?: { id?: string } } | null)?.story?.id === prepared.storyId;
      } catch {
        // Not one of our exports: pick another name.
      }
      if (!replacing) continue;
    }
    claimed.add(name);
    return { folder: path.join(parent, name), replacing };
  }
}

/** Random per thread, then counted: no two writers share a temporary name, without random bytes for every folder. */
const TOKEN_PREFIX = randomBytes(4).toString('hex');
let tokens = 0;
const nextToken = () => `${TOKEN_PREFIX}${(tokens++).toString(36)}`;

/** Where a folder's previous version goes while the new one takes its name. */
const previousName = (folder: string, token: string) => path.join(path.dirname(folder), `.${path.basename(folder)}.old-${token}`);

const imageMissing = (error: NodeJS.ErrnoException, source: string) =>
  error.code === 'ENOENT' && error.path === source ? new CopydeskError('not-found', IMAGE_MISSING) : error;

/** Writes a prepared export as `folder`, whole or not at all: built beside its final name and renamed into place. */
export async function writeExportFolder(prepared: PreparedExport, folder: string, replacing: boolean): Promise<string[]> {
  const parent = path.dirname(folder);
  const token = nextToken();
  const staging = path.join(parent, `.${path.basename(folder)}.partial-${token}`);
  const previous = previousName(folder, token);
  try {
    await mkdir(staging);
    await Promise.all(
      prepared.files.map(([name, content]) =>
        typeof content === 'string'
          ? writeFile(path.join(staging, name), content)
          : copyFile(content.copyFrom, path.join(staging, name)).catch((error: NodeJS.ErrnoException) => {
              throw imageMissing(error, content.copyFrom);
            }),
      ),
    );
    if (replacing) await rename(folder, previous);
    await rename(staging, folder);
    if (replacing) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw exportWriteError(parent, error);
  }
  return prepared.files.map(([name]) => name);
}

/** An export written whole under a hidden temporary name in the export folder, waiting to be given its folder. */
export interface StagedExport {
  staging: string;
  files: string[];
}

/**
 * writeExportFolder in two steps, with synchronous calls, for render threads: each writes a story as soon as it is
 * rendered (so its text need not be kept), and renames it into place once the main thread has claimed its folder.
 * A thread has nothing else to do meanwhile, and each asynchronous call would cost a hand-over to libuv's thread
 * pool and back, several times the work of the call itself.
 */
export function stageExportSync(prepared: PreparedExport, parent: string): StagedExport {
  const staging = path.join(parent, `.${prepared.slug}.partial-${nextToken()}`);
  try {
    mkdirSync(staging);
    for (const [name, content] of prepared.files) {
      if (typeof content === 'string') writeFileSync(path.join(staging, name), content);
      else {
        try {
          copyFileSync(content.copyFrom, path.join(staging, name));
        } catch (error) {
          throw imageMissing(error as NodeJS.ErrnoException, content.copyFrom);
        }
      }
    }
  } catch (error) {
    discardStagedExportSync(staging);
    throw exportWriteError(parent, error);
  }
  return { staging, files: prepared.files.map(([name]) => name) };
}

/** Renames a staged export to `folder`, moving the earlier export of the same story out of the way when `replacing`. */
export function placeStagedExportSync(staged: StagedExport, folder: string, replacing: boolean): string[] {
  const previous = previousName(folder, nextToken());
  try {
    if (replacing) renameSync(folder, previous);
    renameSync(staged.staging, folder);
    if (replacing) rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    discardStagedExportSync(staged.staging);
    throw exportWriteError(path.dirname(folder), error);
  }
  return staged.files;
}

/** Removes a staged export that will not be placed (a cancelled batch, a failed write). */
export function discardStagedExportSync(staging: string): void {
  try {
    rmSync(staging, { recursive: true, force: true });
  } catch {
    // The error to report, if any, is the one that stopped the export.
  }
}

/** Writes one story's export into its own new folder under `parent` (see prepareStoryExport and writeExportFolder). */
export async function writeStoryExport(story: Story, parent: string, format: ExportFormat, context: ExportContext): Promise<StoryExport> {
  assertExportable(story, context.preflight);
  const parentInfo = await stat(parent).catch(() => null);
  if (!parentInfo?.isDirectory()) throw new CopydeskError('not-found', `The export folder “${parent}” does not exist.`);
  const prepared = await prepareStoryExport(story, format, context);
  const { folder, replacing } = await claimExportFolder(parent, prepared, await exportFolderNames(parent), new Set());
  return { folder, slug: prepared.slug, files: await writeExportFolder(prepared, folder, replacing) };
}

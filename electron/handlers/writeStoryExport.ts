import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat } from '../../shared/contract.js';
import type { StoryExporter } from '../../shared/export/createStoryExporter.js';
import { leadImageFileName } from '../../shared/export/leadImageFileName.js';
import { storyInterchangeJson } from '../../shared/export/storyInterchange.js';
import { storySlug } from '../../shared/export/storySlug.js';
import type { ExportSettings } from '../../shared/exportSettings.js';
import { CopydeskError } from '../../shared/result.js';
import type { Story } from '../../shared/story.js';
import { mediaDataUri } from './mediaDataUri.js';

/** What every export needs besides the story: the exporter, the library's settings, and where its images are. */
export interface ExportContext {
  exporter: StoryExporter;
  settings: ExportSettings;
  mediaFile(mediaId: string): string;
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

/** Refuses a story that would publish badly: a lead image without alt text. */
export function assertExportable(story: Story): void {
  if (story.image && !story.imageAlt.trim()) {
    throw new CopydeskError('invalid-input', 'Add alt text for the lead image before exporting: readers using screen readers rely on it.');
  }
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
  assertExportable(story);
  const { settings, exporter } = context;
  const embed = settings.imageMode === 'embed' && format !== 'json';
  const imageFile = embed ? null : leadImageFileName(story);
  const files: PreparedExport['files'] = [];
  const htmlFile = HTML_FILE[format];
  if (htmlFile) {
    let dataUri: string | undefined;
    if (embed && story.image) {
      const bytes = await readFile(context.mediaFile(story.image.id)).catch(() => {
        throw new CopydeskError('not-found', IMAGE_MISSING);
      });
      dataUri = mediaDataUri(story.image.id, bytes);
    }
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

/** Writes a prepared export as `folder`, whole or not at all: built beside its final name and renamed into place. */
export async function writeExportFolder(prepared: PreparedExport, folder: string, replacing: boolean): Promise<string[]> {
  const parent = path.dirname(folder);
  const token = randomBytes(4).toString('hex');
  const staging = path.join(parent, `.${path.basename(folder)}.partial-${token}`);
  const previous = path.join(parent, `.${path.basename(folder)}.old-${token}`);
  try {
    await mkdir(staging);
    await Promise.all(
      prepared.files.map(([name, content]) =>
        typeof content === 'string'
          ? writeFile(path.join(staging, name), content)
          : copyFile(content.copyFrom, path.join(staging, name)).catch((error: NodeJS.ErrnoException) => {
              throw error.code === 'ENOENT' && error.path === content.copyFrom ? new CopydeskError('not-found', IMAGE_MISSING) : error;
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

/** Writes one story's export into its own new folder under `parent` (see prepareStoryExport and writeExportFolder). */
export async function writeStoryExport(story: Story, parent: string, format: ExportFormat, context: ExportContext): Promise<StoryExport> {
  assertExportable(story);
  const parentInfo = await stat(parent).catch(() => null);
  if (!parentInfo?.isDirectory()) throw new CopydeskError('not-found', `The export folder “${parent}” does not exist.`);
  const prepared = await prepareStoryExport(story, format, context);
  const { folder, replacing } = await claimExportFolder(parent, prepared, await exportFolderNames(parent), new Set());
  return { folder, slug: prepared.slug, files: await writeExportFolder(prepared, folder, replacing) };
}

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderStoryDocument } from '../../shared/export/renderStoryDocument.js';
import { CopydeskError } from '../../shared/result.js';
import { slugify } from '../../shared/slugify.js';
import type { Story } from '../../shared/story.js';
import { nodeBodyRenderer } from './nodeBodyRenderer.js';

export interface StoryExport {
  folder: string;
  files: string[];
}

/** The folder name a story exports to: its slug, or slug-2, slug-3… when another story's export holds the name. */
async function exportFolderFor(parent: string, story: Story): Promise<string> {
  const slug = slugify(story.headline) || 'untitled';
  for (let n = 1; ; n += 1) {
    const candidate = path.join(parent, n === 1 ? slug : `${slug}-${n}`);
    const existing = await readFile(path.join(candidate, 'story.json'), 'utf8').catch(() => null);
    const exists = existing !== null || (await stat(candidate).then(() => true, () => false));
    if (!exists) return candidate;
    try {
      if ((JSON.parse(existing ?? 'null') as { story?: { id?: string } } | null)?.story?.id === story.id) return candidate;
    } catch {
      // Not one of our exports: pick another name.
    }
  }
}

/** Refuses a story that would publish badly: a lead image without alt text. */
export function assertExportable(story: Story): void {
  if (story.image && !story.imageAlt.trim()) {
    throw new CopydeskError('invalid-input', 'Add alt text for the lead image before exporting: readers using screen readers rely on it.');
  }
}

export function storyInterchange(story: Story) {
  return { format: 'copydesk-story', formatVersion: 1, story };
}

/**
 * Writes a story's export (index.html, its lead image, story.json) into a new folder under `parent`.
 * The folder appears whole or not at all: it is built beside its final name and renamed into place.
 */
export async function writeStoryExport(
  story: Story,
  parent: string,
  readMedia: (mediaId: string) => Promise<Buffer>,
): Promise<StoryExport> {
  assertExportable(story);
  const parentInfo = await stat(parent).catch(() => null);
  if (!parentInfo?.isDirectory()) throw new CopydeskError('not-found', `The export folder “${parent}” does not exist.`);

  const folder = await exportFolderFor(parent, story);
  const imageFile = story.image ? `${path.basename(folder)}.${story.image.id.split('.')[1]}` : null;
  const html = renderStoryDocument(
    story,
    nodeBodyRenderer()(story.body),
    story.image && imageFile ? { src: imageFile, width: story.image.width, height: story.image.height } : null,
  );
  const files: [string, string | Buffer][] = [
    ['index.html', html],
    ['story.json', `${JSON.stringify(storyInterchange(story), null, 2)}\n`],
  ];
  if (story.image && imageFile) files.push([imageFile, await readMedia(story.image.id)]);

  const token = randomBytes(4).toString('hex');
  const staging = path.join(parent, `.${path.basename(folder)}.partial-${token}`);
  const previous = path.join(parent, `.${path.basename(folder)}.old-${token}`);
  try {
    await mkdir(staging);
    for (const [name, content] of files) await writeFile(path.join(staging, name), content);
    const replacing = await stat(folder).then(() => true, () => false);
    if (replacing) await rename(folder, previous);
    await rename(staging, folder);
    if (replacing) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM'
      ? 'Copydesk may not write there'
      : (error as Error).message;
    throw new CopydeskError('io', `The export could not be written to “${parent}”: ${reason}.`);
  }
  return { folder, files: files.map(([name]) => name) };
}

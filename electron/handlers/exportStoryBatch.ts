import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat, ExportProgress, ExportSummary } from '../../shared/contract.js';
import { CopydeskError, toErrorInfo } from '../../shared/result.js';
import type { Story } from '../../shared/story.js';
import type { LibraryStore } from '../storage/openLibrary.js';
import { readExportManifest, writeExportManifest, type ManifestEntry } from './exportManifest.js';
import {
  claimExportFolder,
  exportFolderNames,
  exportWriteError,
  prepareStoryExport,
  writeExportFolder,
  type ExportContext,
} from './writeStoryExport.js';

export interface StoryBatch {
  ids: readonly string[];
  format: ExportFormat;
  /** The folder the user chose; each story gets its own folder inside it. */
  parent: string;
}

export interface BatchControl {
  onProgress?(progress: ExportProgress): void;
  /** Asked before each story: true stops the batch there. */
  isCancelled?(): boolean;
}

/** How many stories are read ahead and written at once: the disk works on these while the next one renders. */
export const STORIES_IN_FLIGHT = 8;

/** Checks that the chosen folder exists and may be written to, before any story is exported into it. */
export async function assertWritableFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new CopydeskError('not-found', `The export folder “${folder}” does not exist.`);
  await access(folder, constants.W_OK).catch((error: unknown) => {
    throw exportWriteError(folder, error);
  });
}

type Outcome = { entry: ManifestEntry; folder: string } | { failure: string; headline: string };

/**
 * Exports stories into their own folders under batch.parent, then writes the index.json manifest. Stories are
 * rendered one by one in order (so folder names do not depend on timing) while up to STORIES_IN_FLIGHT are being
 * read and written. A story that fails is reported with the reason and the others go on; a cancel stops before the
 * next story, letting the ones being written finish.
 */
export async function exportStoryBatch(
  library: LibraryStore,
  batch: StoryBatch,
  context: ExportContext,
  control: BatchControl = {},
): Promise<ExportSummary> {
  const { ids, parent, format } = batch;
  await assertWritableFolder(parent);
  const earlier = await readExportManifest(parent);
  const existing = await exportFolderNames(parent);
  const claimed = new Set<string>();
  const headlines = new Map(library.listSummaries().map((summary) => [summary.id, summary.headline]));
  const total = ids.length;
  const outcomes: (Outcome | undefined)[] = [];
  let done = 0;
  let cancelled = false;

  const reads = new Map<number, Promise<Story>>();
  const readAhead = (index: number) => {
    if (index >= total || reads.has(index)) return;
    const read = library.readStory(ids[index]!);
    read.catch(() => undefined); // Rejections are handled when the story's turn comes.
    reads.set(index, read);
  };
  const writing = new Set<Promise<void>>();
  const finish = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    done += 1;
    control.onProgress?.({ done, total });
  };

  control.onProgress?.({ done: 0, total });
  for (let index = 0; index < total; index += 1) {
    if (control.isCancelled?.()) {
      cancelled = true;
      break;
    }
    for (let ahead = index; ahead < index + STORIES_IN_FLIGHT; ahead += 1) readAhead(ahead);
    const id = ids[index]!;
    let headline = headlines.get(id) ?? '';
    try {
      const story = await reads.get(index)!;
      reads.delete(index);
      headline = story.headline;
      const prepared = await prepareStoryExport(story, format, context);
      const { folder, replacing } = await claimExportFolder(parent, prepared, existing, claimed);
      const write = writeExportFolder(prepared, folder, replacing).then(
        (files) => finish(index, { folder, entry: { id, slug: prepared.slug, folder: path.basename(folder), headline, format, files } }),
        (error: unknown) => finish(index, { failure: toErrorInfo(error).message, headline }),
      );
      writing.add(write);
      void write.then(() => writing.delete(write));
      if (writing.size >= STORIES_IN_FLIGHT) await Promise.race(writing);
    } catch (error) {
      reads.delete(index);
      finish(index, { failure: toErrorInfo(error).message, headline });
    }
  }
  await Promise.all(writing);

  const summary: ExportSummary = { folder: parent, total, exported: [], failed: [], cancelled };
  const entries: ManifestEntry[] = [];
  outcomes.forEach((outcome, index) => {
    if (!outcome) return;
    if ('entry' in outcome) {
      summary.exported.push({ id: ids[index]!, folder: outcome.folder });
      entries.push(outcome.entry);
    } else summary.failed.push({ id: ids[index]!, headline: outcome.headline, message: outcome.failure });
  });
  if (entries.length > 0) {
    try {
      await writeExportManifest(parent, earlier, entries);
    } catch (error) {
      throw exportWriteError(parent, error);
    }
  }
  return summary;
}

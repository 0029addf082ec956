import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat, ExportProgress, ExportSummary } from '../../shared/contract.js';
import { storyExporterOptions } from '../../shared/export/createStoryExporter.js';
import { CopydeskError } from '../../shared/result.js';
import { errorInfoLogged } from './errorInfoLogged.js';
import type { Story } from '../../shared/story.js';
import type { LibraryStore } from '../storage/openLibrary.js';
import { readExportManifest, writeExportManifest, type ManifestEntry } from './exportManifest.js';
import { defaultExportThreads, startRenderSession, type ExportThreads } from './exportWorkerPool.js';
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
  /** Awaited before each story, before isCancelled is asked (see DesktopPorts.beforeExportingStory). */
  beforeStory?(index: number): Promise<void>;
  /**
   * Where stories are read and rendered: null, this thread. Default: the bundled render threads (defaultExportThreads)
   * for a batch of THREADS_FROM stories or more, else this thread.
   */
  threads?: ExportThreads | null;
  /** Told once, before the first story, how many render threads the batch uses (0: it renders in this thread). */
  onThreads?(threads: number): void;
}

/** How many stories with a claimed folder are being written at once: the disk works on these while the next ones render. */
export const STORIES_IN_FLIGHT = 8;
/**
 * How many stories render threads read, render and write (under a temporary name) ahead of the one whose folder is
 * claimed next; what they wrote of a cancelled batch is removed.
 */
const RENDERED_AHEAD = 16;
/** Smaller batches render in this thread: starting the render threads takes about a tenth of a second. */
export const THREADS_FROM = 32;

/** Checks that the chosen folder exists and may be written to, before any story is exported into it. */
export async function assertWritableFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new CopydeskError('not-found', `The export folder “${folder}” does not exist.`);
  await access(folder, constants.W_OK).catch((error: unknown) => {
    throw exportWriteError(folder, error);
  });
}

type Outcome = { entry: ManifestEntry; folder: string } | { failure: string; headline: string };

/** A story rendered and ready to write into the folder it is given, or why not (with its headline once it was read). */
type Rendered =
  | { slug: string; storyId: string; headline: string; write(folder: string, replacing: boolean): Promise<string[]> }
  | { error: unknown; headline?: string };

/** Where a batch's stories are read and rendered, ahead of the main thread's folder claims and writes. */
interface StorySource {
  /** Render threads in use; 0: this thread. */
  readonly threads: number;
  /** How many stories are started ahead of the one whose turn it is. */
  readonly ahead: number;
  /** Starts on a story ahead of its turn; the function returned completes it when its turn comes. */
  start(id: string): () => Promise<Rendered>;
  /** Ends the batch: what was started and not written is dropped. */
  end(): Promise<void>;
}

/** Reads the story through the library (which says why one cannot be read) and renders it here. */
async function renderHere(read: Promise<Story>, format: ExportFormat, context: ExportContext): Promise<Rendered> {
  let story: Story;
  try {
    story = await read;
  } catch (error) {
    return { error };
  }
  try {
    const prepared = await prepareStoryExport(story, format, context);
    return { ...prepared, headline: story.headline, write: (folder, replacing) => writeExportFolder(prepared, folder, replacing) };
  } catch (error) {
    return { error, headline: story.headline };
  }
}

/** This thread: stories are read ahead, and rendered in turn. */
function thisThread(library: LibraryStore, format: ExportFormat, context: ExportContext): StorySource {
  return {
    threads: 0,
    ahead: STORIES_IN_FLIGHT,
    start(id) {
      const read = library.readStory(id);
      read.catch(() => undefined); // Rejections are handled when the story's turn comes.
      return () => renderHere(read, format, context);
    },
    end: async () => undefined,
  };
}

/**
 * Render threads: each reads, checks, renders and writes stories (under a temporary name in the export folder), and
 * renames each into place once the main thread has claimed its folder. A story a thread cannot read (gone, damaged)
 * is read, rendered and written here through the library, which says why.
 */
function renderThreads(
  library: LibraryStore,
  { format, parent }: Pick<StoryBatch, 'format' | 'parent'>,
  context: ExportContext,
  threads: ExportThreads | null | undefined,
): StorySource | null {
  const options = storyExporterOptions(context.exporter);
  // Threads make their own exporter and find images in the library's media folder: only for this library's own.
  if (!threads || !options || context.mediaFile !== library.mediaFile) return null;
  const session = startRenderSession(threads, { libraryRoot: library.root, parent, format, settings: context.settings, stylesheet: options.stylesheet, preflight: context.preflight });
  if (session.threads === 0) {
    void session.end();
    return null;
  }
  return {
    threads: session.threads,
    ahead: RENDERED_AHEAD,
    start(id) {
      const rendering = session.render(id);
      return async () => {
        const result = await rendering;
        if (result.kind === 'rendered') return result;
        if (result.kind === 'failed') return { error: new CopydeskError(result.error.code, result.error.message), headline: result.headline };
        return renderHere(library.readStory(id), format, context);
      };
    },
    end: () => session.end(),
  };
}

/**
 * Exports stories into their own folders under batch.parent, then writes the index.json manifest. Folders are
 * claimed one by one in the stories' order (so folder names do not depend on timing) while stories ahead are read and
 * rendered (in render threads when there are some) and up to STORIES_IN_FLIGHT are written. A story that fails is
 * reported with the reason and the others go on; a cancel stops before the next story, letting the ones being written
 * finish.
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

  const threads = control.threads !== undefined ? control.threads : total >= THREADS_FROM ? defaultExportThreads() : null;
  const source = renderThreads(library, batch, context, threads) ?? thisThread(library, format, context);
  control.onThreads?.(source.threads);
  const started = new Map<number, () => Promise<Rendered>>();
  const startAhead = (index: number) => {
    if (index < total && !started.has(index)) started.set(index, source.start(ids[index]!));
  };
  const writing = new Set<Promise<void>>();
  const finish = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    done += 1;
    control.onProgress?.({ done, total });
  };

  control.onProgress?.({ done: 0, total });
  try {
    for (let index = 0; index < total; index += 1) {
      await control.beforeStory?.(index);
      if (control.isCancelled?.()) {
        cancelled = true;
        break;
      }
      for (let ahead = index; ahead < index + source.ahead; ahead += 1) startAhead(ahead);
      const id = ids[index]!;
      const rendered = await started.get(index)!();
      started.delete(index);
      const headline = rendered.headline ?? headlines.get(id) ?? '';
      try {
        if ('error' in rendered) throw rendered.error;
        const { folder, replacing } = await claimExportFolder(parent, rendered, existing, claimed);
        const write = rendered.write(folder, replacing).then(
          (files) => finish(index, { folder, entry: { id, slug: rendered.slug, folder: path.basename(folder), headline, format, files } }),
          (error: unknown) => finish(index, { failure: errorInfoLogged(error, 'exporting a story').message, headline }),
        );
        writing.add(write);
        void write.then(() => writing.delete(write));
        if (writing.size >= STORIES_IN_FLIGHT) await Promise.race(writing);
      } catch (error) {
        finish(index, { failure: errorInfoLogged(error, 'exporting a story').message, headline });
      }
    }
    await Promise.all(writing);
  } finally {
    await source.end();
  }

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

import { assertNoLinksSync, readTextNoFollowSync } from '../storage/files/libraryLinks.js';
import type { ExportFormat } from '../../shared/contract.js';
import type { ExportSettings } from '../../shared/exportSettings.js';
import type { PreflightSettings } from '../../shared/preflight/runPreflight.js';
import type { ErrorInfo } from '../../shared/result.js';
import { errorInfoLogged } from './errorInfoLogged.js';
import type { Story } from '../../shared/story.js';
import { libraryPaths } from '../storage/files/libraryPaths.js';
import { migrateStory } from '../storage/migrations/migrateStory.js';
import { nodeStoryExporter } from './nodeStoryExporter.js';
import { prepareStoryExportSync, type ExportContext, type PreparedExport } from './writeStoryExport.js';

/** What a render thread needs to export a batch's stories: it reads them from the library folder itself. */
export interface ExportJobSetup {
  libraryRoot: string;
  /** The export folder: the thread writes each story there under a temporary name, until its folder is claimed. */
  parent: string;
  format: ExportFormat;
  settings: ExportSettings;
  stylesheet: string;
  /** The library's preflight levels and limits: a story a blocking check fails is reported, not exported. */
  preflight?: PreflightSettings;
}

/**
 * One story read, checked and rendered in a render thread. 'unread': the story file could not be read as it is (gone,
 * damaged, not readable), so the main thread reads it through the library, which says why and sets a damaged file aside.
 */
export type ExportJobResult =
  | { kind: 'rendered'; headline: string; prepared: PreparedExport }
  | { kind: 'failed'; headline: string; error: ErrorInfo }
  | { kind: 'unread' };

/** The story file as the library reads it (parsed, migrated, validated, holding this id), or null. */
function readStory(file: string, id: string): Story | null {
  try {
    const text = readTextNoFollowSync(file);
    if (text === null) return null;
    const story = migrateStory(JSON.parse(text));
    return story.id === id ? story : null;
  } catch {
    return null;
  }
}

const contexts = new WeakMap<ExportJobSetup, { paths: ReturnType<typeof libraryPaths>; context: ExportContext }>();

/** The library's paths and the export context of a batch, made once for all its stories. */
function batchContext(setup: ExportJobSetup) {
  let known = contexts.get(setup);
  if (!known) {
    const paths = libraryPaths(setup.libraryRoot);
    known = { paths, context: { exporter: nodeStoryExporter(setup.stylesheet), settings: setup.settings, preflight: setup.preflight, mediaFile: (mediaId: string) => {
      const file = paths.mediaFile(mediaId);
      assertNoLinksSync(paths.root, file);
      return file;
    } } };
    contexts.set(setup, known);
  }
  return known;
}

/** Reads, validates and renders one story's export, synchronously (see prepareStoryExport); never throws. */
export function renderExportJob(setup: ExportJobSetup, id: string): ExportJobResult {
  const { paths, context } = batchContext(setup);
  const story = readStory(paths.storyFile(id), id);
  if (!story) return { kind: 'unread' };
  try {
    return { kind: 'rendered', headline: story.headline, prepared: prepareStoryExportSync(story, setup.format, context) };
  } catch (error) {
    return { kind: 'failed', headline: story.headline, error: errorInfoLogged(error, 'rendering an export') };
  }
}

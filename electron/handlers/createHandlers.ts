import path from 'node:path';
import type { Handlers } from '../../shared/contract.js';
import { CopydeskError } from '../../shared/result.js';
import type { Story } from '../../shared/story.js';
import { openLibrary, type LibraryStore } from '../storage/openLibrary.js';
import { exportStoryBatch } from './exportStoryBatch.js';
import { assertLibraryFolder, assertRecentLibrary } from './libraryFolder.js';
import { mediaDataUri } from './mediaDataUri.js';
import { nodeStoryExporter } from './nodeStoryExporter.js';
import type { DesktopPorts } from './ports.js';
import { openPreferences } from './preferencesStore.js';
import { assertExportable, writeStoryExport, type ExportContext } from './writeStoryExport.js';

export interface CreateHandlersOptions {
  /** The library to open first. */
  libraryDir: string;
  ports: DesktopPorts;
  /**
   * The text of assets/export.css (see readExportStylesheet), inlined in exported documents when the settings ask
   * for a stylesheet. Without it, documents are exported without one.
   */
  exportStylesheet?: string;
  /** The app's preferences file (Electron: userData/preferences.json); without it, preferences live in memory. */
  preferencesFile?: string;
  /** Watch the library folder and build the search index in the background (the app: default); off for the CLI. */
  live?: boolean;
  /** Open the library for reading only: no lock, nothing written (the CLI's list and export). */
  readOnly?: boolean;
  /** Milliseconds before library.json is written after a change (tests use 0). */
  indexDelayMs?: number;
  now?: () => Date;
}

export type LibraryHandlers = Handlers & {
  /** The library open now (it changes when the user opens another). */
  readonly library: LibraryStore;
  close(): Promise<void>;
};

/**
 * The API behind window.copydesk, over the library open now. Plain Node: the same object serves IPC, the e2e bridge
 * and the CLI.
 */
export async function createHandlers(options: CreateHandlersOptions): Promise<LibraryHandlers> {
  const { ports, exportStylesheet = '', live = true, readOnly = false, now } = options;
  const preferences = await openPreferences(options.preferencesFile ?? null, now);

  async function open(dir: string): Promise<LibraryStore> {
    const opened: LibraryStore = await openLibrary(dir, {
      now,
      readOnly,
      live: live && !readOnly,
      indexDelayMs: options.indexDelayMs,
      userName: () => preferences.userName(),
      onStoriesChanged: (change) => {
        if (opened === library) ports.sendEvent?.('storiesChangedOnDisk', change);
      },
    });
    if (!readOnly) await preferences.noteOpened(opened.root, opened.name).catch(() => undefined);
    return opened;
  }

  let library = await open(options.libraryDir);
  let switching = false;
  const exporter = nodeStoryExporter(exportStylesheet);
  const exportContext = (): ExportContext => ({ exporter, settings: library.exportSettings(), mediaFile: library.mediaFile, preflight: library.librarySettings() });
  let runningBatch: { cancelled: boolean } | null = null;

  const previewImage = async (story: Story) =>
    story.image ? { dataUri: mediaDataUri(story.image.id, await library.readMedia(story.image.id)) } : undefined;

  /** Opens another library, then closes the one open now (after its saves), and tells the renderer. */
  async function switchLibrary(dir: string, name: string): Promise<{ name: string }> {
    if (switching) throw new CopydeskError('conflict', 'Another library is being opened; wait a moment.');
    if (runningBatch) throw new CopydeskError('conflict', 'An export is running; wait for it to finish or cancel it.');
    const root = path.resolve(dir);
    if (root === library.root) return { name: library.name };
    switching = true;
    try {
      await assertLibraryFolder(root, name);
      const next = await open(root);
      const previous = library;
      library = next;
      await previous.close().catch((error: unknown) => console.error('Copydesk could not close the previous library cleanly:', error));
      ports.sendEvent?.('libraryChanged', { name: next.name });
      return { name: next.name };
    } finally {
      switching = false;
    }
  }

  return {
    get library() {
      return library;
    },
    close: () => library.close(),

    getLibrary: async () => ({ name: library.name, storyCount: library.listSummaries().length, problems: library.problems() }),
    listStories: async () => library.listSummaries(),
    createStory: () => library.createStory(),
    getStory: ({ id }) => library.readStory(id, { forEditor: true }),
    saveStory: ({ id, baseRevision, fields, session }) => library.saveStory(id, baseRevision, fields, { session }),

    async chooseLeadImage() {
      const chosen = await ports.chooseImageFile();
      return chosen === null ? null : library.importImage(chosen);
    },
    async getMediaPreview({ id }) {
      return { dataUrl: mediaDataUri(id, await library.readMedia(id)) };
    },
    async exportStoryHtml({ id }) {
      const story = await library.readStory(id);
      assertExportable(story, library.librarySettings());
      const parent = await ports.chooseExportFolder(story.headline);
      if (parent === null) return null;
      const { folder, files } = await writeStoryExport(story, parent, 'document', exportContext());
      return { folder, files };
    },
    async confirmClose() {
      await library.flush();
      ports.closeConfirmed();
    },

    getExportSettings: async () => library.exportSettings(),
    saveExportSettings: (patch) => library.saveExportSettings(patch),
    async renderStoryPreview({ id }) {
      const story = await library.readStory(id);
      return { html: exporter.document(story, library.exportSettings(), await previewImage(story)) };
    },
    async renderStoryFragment({ id }) {
      const story = await library.readStory(id);
      const settings = library.exportSettings();
      const image = settings.imageMode === 'embed' ? await previewImage(story) : undefined;
      return { html: exporter.fragment(story, settings, image) };
    },
    async exportStories({ ids, format }) {
      if (runningBatch) throw new CopydeskError('conflict', 'An export is already running; wait for it to finish or cancel it.');
      const batch = { cancelled: false };
      runningBatch = batch;
      try {
        const storyIds = ids === 'all' ? library.listSummaries().map((summary) => summary.id) : [...new Set(ids)];
        if (storyIds.length === 0) throw new CopydeskError('invalid-input', 'The library has no stories to export.');
        const only = storyIds.length === 1 ? library.listSummaries().find((summary) => summary.id === storyIds[0]) : undefined;
        const parent = await ports.chooseExportFolder(only ? only.headline || 'Untitled' : `${storyIds.length} stories`);
        if (parent === null) return null;
        return await exportStoryBatch(library, { ids: storyIds, format, parent }, exportContext(), {
          onProgress: (progress) => ports.sendEvent?.('exportProgress', progress),
          isCancelled: () => batch.cancelled,
          beforeStory: ports.beforeExportingStory && ((index) => ports.beforeExportingStory!(index, () => batch.cancelled)),
        });
      } finally {
        runningBatch = null;
      }
    },
    async cancelExport() {
      if (runningBatch) runningBatch.cancelled = true;
    },

    searchStories: async (query) => ({ ids: await library.searchStories(query) }),
    getSections: async () => ({ sections: library.sections() }),
    saveSections: async ({ sections }) => ({ sections: await library.saveSections(sections) }),
    renameSection: ({ from, to }) => library.renameSection(from, to),
    duplicateStory: ({ id }) => library.duplicateStory(id),
    async trashStory({ id }) {
      await library.trashStory(id);
      return { id };
    },
    restoreStory: ({ id }) => library.restoreStory(id),
    listTrash: () => library.listTrash(),
    emptyTrash: async () => ({ deleted: await library.emptyTrash() }),
    setStoryStatus: ({ id, baseRevision, status }) => library.setStatus(id, baseRevision, status),
    addStoryNote: ({ id, baseRevision, text }) => library.addNote(id, baseRevision, text),
    deleteStoryNote: ({ id, baseRevision, noteId }) => library.deleteNote(id, baseRevision, noteId),
    listRevisions: ({ id }) => library.listRevisions(id),
    getRevision: ({ id, revisionId }) => library.readRevision(id, revisionId),
    restoreRevision: ({ id, revisionId, baseRevision }) => library.restoreRevision(id, baseRevision, revisionId),
    getLibrarySettings: async () => library.librarySettings(),
    saveLibrarySettings: (patch) => library.saveLibrarySettings(patch),
    getPreferences: async () => preferences.get(),
    savePreferences: ({ userName }) => preferences.setUserName(userName),
    async openLibraryDialog() {
      const chosen = await ports.chooseLibraryFolder();
      return chosen === null ? null : switchLibrary(chosen, path.basename(chosen));
    },
    async openRecentLibrary({ id }) {
      const dir = preferences.recentPath(id);
      const entry = preferences.get().recentLibraries.find((recent) => recent.id === id);
      if (dir === null || !entry) throw new CopydeskError('not-found', 'This library is not in the recent list any more.');
      if (path.resolve(dir) !== library.root) await assertRecentLibrary(dir, entry.name);
      return switchLibrary(dir, entry.name);
    },
  };
}

import type { Handlers } from '../../shared/contract.js';
import { CopydeskError } from '../../shared/result.js';
import type { Story } from '../../shared/story.js';
import { openLibrary, type LibraryStore } from '../storage/openLibrary.js';
import { exportStoryBatch } from './exportStoryBatch.js';
import { mediaDataUri } from './mediaDataUri.js';
import { nodeStoryExporter } from './nodeStoryExporter.js';
import type { DesktopPorts } from './ports.js';
import { assertExportable, writeStoryExport, type ExportContext } from './writeStoryExport.js';

export interface CreateHandlersOptions {
  libraryDir: string;
  ports: DesktopPorts;
  /**
   * The text of assets/export.css (see readExportStylesheet), inlined in exported documents when the settings ask
   * for a stylesheet. Without it, documents are exported without one.
   */
  exportStylesheet?: string;
}

export type LibraryHandlers = Handlers & { readonly library: LibraryStore; close(): Promise<void> };

/** The API behind window.copydesk, over one open library. Plain Node: the same object serves IPC, the e2e bridge and the CLI. */
export async function createHandlers({ libraryDir, ports, exportStylesheet = '' }: CreateHandlersOptions): Promise<LibraryHandlers> {
  const library = await openLibrary(libraryDir);
  const exporter = nodeStoryExporter(exportStylesheet);
  const exportContext = (): ExportContext => ({ exporter, settings: library.exportSettings(), mediaFile: library.mediaFile });
  let runningBatch: { cancelled: boolean } | null = null;

  const previewImage = async (story: Story) =>
    story.image ? { dataUri: mediaDataUri(story.image.id, await library.readMedia(story.image.id)) } : undefined;

  return {
    library,
    close: () => library.close(),

    getLibrary: async () => ({ name: library.name, storyCount: library.listSummaries().length, problems: library.problems() }),
    listStories: async () => library.listSummaries(),
    createStory: () => library.createStory(),
    getStory: ({ id }) => library.readStory(id),
    saveStory: ({ id, baseRevision, fields }) => library.saveStory(id, baseRevision, fields),

    async chooseLeadImage() {
      const chosen = await ports.chooseImageFile();
      return chosen === null ? null : library.importImage(chosen);
    },
    async getMediaPreview({ id }) {
      return { dataUrl: mediaDataUri(id, await library.readMedia(id)) };
    },
    async exportStoryHtml({ id }) {
      const story = await library.readStory(id);
      assertExportable(story);
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
        });
      } finally {
        runningBatch = null;
      }
    },
    async cancelExport() {
      if (runningBatch) runningBatch.cancelled = true;
    },
  };
}

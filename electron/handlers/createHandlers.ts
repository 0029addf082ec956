import type { Handlers } from '../../shared/contract.js';
import { openLibrary, type LibraryStore } from '../storage/openLibrary.js';
import type { DesktopPorts } from './ports.js';
import { assertExportable, writeStoryExport } from './writeStoryExport.js';

export interface CreateHandlersOptions {
  libraryDir: string;
  ports: DesktopPorts;
}

export type LibraryHandlers = Handlers & { readonly library: LibraryStore; close(): Promise<void> };

/** The API behind window.copydesk, over one open library. Plain Node: the same object serves IPC, the e2e bridge and the CLI. */
export async function createHandlers({ libraryDir, ports }: CreateHandlersOptions): Promise<LibraryHandlers> {
  const library = await openLibrary(libraryDir);
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
      const bytes = await library.readMedia(id);
      const mimeType = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' }[id.split('.')[1]!];
      return { dataUrl: `data:${mimeType};base64,${bytes.toString('base64')}` };
    },
    async exportStoryHtml({ id }) {
      const story = await library.readStory(id);
      assertExportable(story);
      const parent = await ports.chooseExportFolder(story.headline);
      return parent === null ? null : writeStoryExport(story, parent, library.readMedia);
    },
    async confirmClose() {
      await library.flush();
      ports.closeConfirmed();
    },
  };
}

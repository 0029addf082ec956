import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { DesktopPorts } from './handlers/ports.js';
import { sendEvent } from './ipc/sendEvent.js';

async function chooseOne(parent: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The real DesktopPorts: native dialogs parented to the main window, events to its renderer. */
export function createDesktopPorts(deps: {
  mainWindow(): BrowserWindow | null;
  closeConfirmed(): void;
  /** Another library is open: the title and the Open Recent menu follow. */
  libraryChanged(name: string): void;
}): DesktopPorts {
  return {
    chooseImageFile: () =>
      chooseOne(deps.mainWindow(), {
        title: 'Choose a Lead Image',
        buttonLabel: 'Use Image',
        properties: ['openFile'],
        filters: [{ name: 'Images', extensions: ['jpg', 'jpeg', 'png', 'gif', 'webp'] }],
      }),
    chooseExportFolder: (suggestedName) =>
      chooseOne(deps.mainWindow(), {
        title: `Export “${suggestedName}” to a Folder`,
        buttonLabel: 'Export Here',
        properties: ['openDirectory', 'createDirectory'],
      }),
    chooseLibraryFolder: () =>
      chooseOne(deps.mainWindow(), {
        title: 'Open a Library',
        message: 'Choose a Copydesk library folder, or an empty folder to start a new library.',
        buttonLabel: 'Open Library',
        properties: ['openDirectory', 'createDirectory'],
      }),
    closeConfirmed: () => deps.closeConfirmed(),
    // Only the e2e harness (COPYDESK_E2E) holds a batch export at a known story; see DesktopPorts.beforeExportingStory.
    ...(process.env.COPYDESK_E2E === '1' && {
      beforeExportingStory: async (index: number, cancelled: () => boolean) => {
        const hooks = (globalThis as { __copydeskE2E?: { beforeExportingStory?(index: number, cancelled: () => boolean): Promise<void> } }).__copydeskE2E;
        await hooks?.beforeExportingStory?.(index, cancelled);
      },
    }),
    sendEvent(name, payload) {
      const win = deps.mainWindow();
      if (win === null) return;
      sendEvent(win, name, payload);
      // Batch export progress also shows on the taskbar / dock icon.
      if (name === 'exportProgress') {
        const { done, total } = payload as { done: number; total: number };
        win.setProgressBar(total > 0 && done < total ? done / total : -1);
      }
      if (name === 'libraryChanged') deps.libraryChanged((payload as { name: string }).name);
    },
  };
}

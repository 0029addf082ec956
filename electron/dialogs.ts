import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { DesktopPorts } from './handlers/ports.js';

async function chooseOne(parent: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The real DesktopPorts: native dialogs parented to the main window. */
export function createDesktopPorts(deps: { mainWindow(): BrowserWindow | null; closeConfirmed(): void }): DesktopPorts {
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
    closeConfirmed: () => deps.closeConfirmed(),
  };
}

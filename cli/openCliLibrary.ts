import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHandlers, type LibraryHandlers } from '../electron/handlers/createHandlers.js';
import { identifyLockHolder } from '../electron/storage/files/libraryLock.js';
import { pathExists } from '../electron/storage/files/pathExists.js';
import { CopydeskError } from '../shared/result.js';

export interface CliLibraryOptions {
  libraryDir: string;
  /** Create the library when the folder does not exist (import); otherwise a missing library is an error. */
  create?: boolean;
  /** The folder a batch export writes into: the CLI's answer to the app's folder dialog. */
  exportFolder?: string;
  exportStylesheet?: string;
  /**
   * Commands that only read (list, export) open the library read-only: no lock, so they run while the app has the
   * library open. Commands that write (import) take the library's lock like the app.
   */
  readOnly?: boolean;
}

const isDirectory = (dir: string) => stat(dir).then((info) => info.isDirectory(), () => false);
const isMissingOrEmpty = (dir: string) => readdir(dir).then((names) => names.length === 0, (error: NodeJS.ErrnoException) => error.code === 'ENOENT');

/** The app's own handlers over a library folder, with the dialogs answered from the command line. */
export async function openCliLibrary({ libraryDir, create = false, exportFolder, exportStylesheet, readOnly = false }: CliLibraryOptions): Promise<LibraryHandlers> {
  const isLibrary = (await pathExists(path.join(libraryDir, 'settings.json'))) || (await pathExists(path.join(libraryDir, 'library.json'))) || (await isDirectory(path.join(libraryDir, 'stories')));
  if (!isLibrary && !(create && (await isMissingOrEmpty(libraryDir)))) {
    throw new CopydeskError('not-found', `There is no Copydesk library at ${libraryDir} (choose one with --library or COPYDESK_LIBRARY).`);
  }
  // A lock this process takes names the copydesk command, so a Copydesk window refused by it says so.
  identifyLockHolder('cli');
  return createHandlers({
    libraryDir,
    exportStylesheet,
    live: false,
    readOnly,
    ports: {
      chooseImageFile: async () => null,
      chooseExportFolder: async () => exportFolder ?? null,
      chooseLibraryFolder: async () => null,
      closeConfirmed: () => undefined,
    },
  });
}

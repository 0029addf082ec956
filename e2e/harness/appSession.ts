import type { Page } from '@playwright/test';

/** A running Copydesk for one spec: its window, its library folder, and the native dialogs a user would answer. */
export interface AppSession {
  readonly page: Page;
  readonly libraryDir: string;
  /** Which shell runs the renderer: real Electron, or Chromium with window.copydesk bridged to the handlers. */
  readonly shell: 'electron' | 'chromium';
  /** The file the next "choose image" dialog returns (null: the user cancels). */
  answerNextImageDialog(filePath: string | null): Promise<void>;
  /** The folder the next export dialog returns (null: the user cancels). */
  answerNextExportDialog(folder: string | null): Promise<void>;
  /** The folder the next "open library" dialog returns (null: the user cancels). */
  answerNextLibraryDialog(folder: string | null): Promise<void>;
  /**
   * The next batch export stops once `stories` stories are on their way (before the one after them) and waits there
   * until the user presses Cancel: a spec cancels a batch halfway whatever the disk's speed.
   */
  holdNextBatchExport(stories: number): Promise<void>;
  /** Requests that went to the network. Copydesk must never make one. */
  networkRequests(): string[];
  /** Quits the way a user does: the window asks the renderer to save, waits for it, and closes. */
  close(): Promise<void>;
}

export const READY_SELECTOR = 'body[data-ready="true"]';

/** The window says the library could not be opened (LibraryUnavailable): it started, with a way on. */
export const STARTUP_PROBLEM_SELECTOR = 'body[data-ready="error"]';

export interface LaunchOptions {
  /** The library is expected not to open (locked, read-only…): wait for the window that says so instead. */
  startsWithProblem?: boolean;
}

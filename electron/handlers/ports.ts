import type { EventName } from '../../shared/channels.js';
import type { EventPayloads } from '../../shared/contract.js';

/** What the handlers need from the desktop that is not the disk: native dialogs and window control. */
export interface DesktopPorts {
  /** Shows an open-file dialog for an image; resolves to the chosen absolute path, or null if cancelled. */
  chooseImageFile(): Promise<string | null>;
  /** Shows a choose-folder dialog for an export; resolves to the chosen absolute path, or null if cancelled. */
  chooseExportFolder(suggestedName: string): Promise<string | null>;
  /** Shows a choose-folder dialog for a library to open (or an empty folder for a new one); null if cancelled. */
  chooseLibraryFolder(): Promise<string | null>;
  /** The renderer has saved everything and the window may close now. */
  closeConfirmed(): void;
  /** Sends an event to the renderer (export progress, library changes); absent where nobody listens (the CLI). */
  sendEvent?<E extends EventName>(name: E, payload: EventPayloads[E]): void;
  /**
   * Awaited before each story of a batch export, before the batch checks for a cancel. Test harnesses hold a batch
   * here at a known story (until `cancelled()` says the user pressed Cancel), so a spec can cancel it halfway
   * whatever the disk's speed; the app's own ports leave it out.
   */
  beforeExportingStory?(index: number, cancelled: () => boolean): Promise<void>;
}

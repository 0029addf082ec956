import { storyClosed } from '../editor/index.js';
import { libraryClosed, loadLibrary, navigationStarted } from '../library/index.js';
import { previewClosed } from '../publishing/index.js';
import { settingsClosed } from '../settings/index.js';
import { showInfo } from '../ui/noticeStore.js';

/** The main process opened another library: nothing of the previous one stays on screen, and the new one is read. */
export function libraryChanged(name: string): void {
  navigationStarted();
  storyClosed();
  libraryClosed();
  previewClosed();
  // The settings being edited were the previous library's.
  settingsClosed();
  showInfo(`Opened the library “${name}”`);
  void loadLibrary();
}

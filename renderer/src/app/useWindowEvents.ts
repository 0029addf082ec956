import { useEffect } from 'react';
import { call, errorMessage, onEvent } from '../api.js';
import { saveOpenStoryFirst } from '../editor/index.js';
import { followDiskChanges, openRecentLibrary } from '../library/index.js';
import { showError } from '../ui/noticeStore.js';
import { COMMANDS, commandForKey } from './commands.js';
import { libraryChanged } from './libraryChanged.js';

/** The close handshake: the main process asks before the window closes; it closes once the story is saved. */
async function closeWhenSaved(): Promise<void> {
  if (!(await saveOpenStoryFirst('Copydesk did not close because the story could not be saved'))) return;
  try {
    await call('confirmClose');
  } catch (error) {
    showError(`Could not close: ${errorMessage(error)}`);
  }
}

function onKeyDown(event: KeyboardEvent): void {
  // A plain key (most of typing) is not a command: it is known before the page is searched for an open dialog.
  const command = commandForKey(event);
  if (!command || document.querySelector('dialog[open]')) return;
  event.preventDefault();
  if (!event.repeat) COMMANDS[command]?.();
}

/** Routes what reaches the window from outside: menu commands, shortcuts, the close handshake, library events. */
export function useWindowEvents(): void {
  useEffect(() => {
    const offs = [
      onEvent('menuCommand', (command) => COMMANDS[command]?.()),
      onEvent('libraryMenuCommand', (command) => COMMANDS[command]?.()),
      onEvent('flushBeforeClose', () => void closeWhenSaved()),
      onEvent('storiesChangedOnDisk', (change) => void followDiskChanges(change)),
      onEvent('libraryChanged', ({ name }) => libraryChanged(name)),
      onEvent('menuOpenRecentLibrary', ({ id }) => void openRecentLibrary(id)),
    ];
    window.addEventListener('keydown', onKeyDown);
    return () => {
      for (const off of offs) off();
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}

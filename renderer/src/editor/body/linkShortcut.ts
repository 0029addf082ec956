import { Extension } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Storage {
    linkShortcut: LinkShortcutStorage;
  }
}

export interface LinkShortcutStorage {
  /** Opens the Link dialog for the selection; set by the body (BodyEditor) while it shows the dialog's owner. */
  open: (() => void) | null;
}

/**
 * Ctrl/Cmd+K in the body opens the Link dialog, as the toolbar's Link button does. A keymap on the editor, not a React
 * onKeyDown around it: React then builds no synthetic event for the keys typed in the body.
 */
export const LinkShortcut = Extension.create<Record<string, never>, LinkShortcutStorage>({
  name: 'linkShortcut',
  addStorage: () => ({ open: null }),
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        if (!this.storage.open) return false;
        this.storage.open();
        return true;
      },
    };
  },
});

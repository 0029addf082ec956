import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { LIBRARY_MENU_COMMANDS, MENU_COMMANDS, type LibraryMenuCommand, type MenuCommand } from '../shared/contract.js';
import { MENU_SHORTCUTS, shortcutOwner } from '../shared/menuShortcuts.js';
import { menuTemplate, toAccelerator } from './menuTemplate.js';

type Sent = MenuCommand | LibraryMenuCommand;

function submenuOf(items: MenuItemConstructorOptions[] | undefined, label: string): MenuItemConstructorOptions[] {
  const menu = (items ?? []).find((item) => item.label === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

const commandsOf = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.click !== undefined);

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...allItems(Array.isArray(item.submenu) ? item.submenu : [])]);
}

describe('application menu', () => {
  it('File offers New Story, Open Library…, Sections…, Save Now, Export HTML… and Export All…, each sending its command', () => {
    const sent: Sent[] = [];
    const file = submenuOf(menuTemplate({ isMac: false, isPackaged: true, sendCommand: (c) => sent.push(c) }), 'File');
    const commands = commandsOf(file);
    expect(commands.map((item) => [item.label, item.accelerator])).toEqual([
      ['New Story', 'CmdOrCtrl+N'],
      ['Open Library…', 'CmdOrCtrl+O'],
      ['Sections…', undefined],
      ['Save Now', 'CmdOrCtrl+S'],
      ['Export HTML…', 'CmdOrCtrl+Shift+E'],
      ['Export All…', undefined],
      ['Settings…', 'CmdOrCtrl+,'],
    ]);
    for (const item of commands) (item.click as () => void)();
    expect(sent).toEqual(['new-story', 'open-library', 'sections', 'save-now', 'export-html', 'export-all', 'settings']);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('Open Recent lists the recent libraries by name and opens one by its id', () => {
    const opened: string[] = [];
    const template = menuTemplate({
      isMac: false,
      isPackaged: true,
      recentLibraries: [{ id: 'a'.repeat(16), name: 'Newsroom' }, { id: 'b'.repeat(16), name: 'Archive' }],
      sendCommand: () => {},
      openRecentLibrary: (id) => opened.push(id),
    });
    const recent = submenuOf(submenuOf(template, 'File'), 'Open Recent');
    expect(recent.map((item) => item.label)).toEqual(['Newsroom', 'Archive']);
    (recent[1]!.click as () => void)();
    expect(opened).toEqual(['b'.repeat(16)]);
    const empty = submenuOf(submenuOf(menuTemplate({ isMac: false, isPackaged: true, sendCommand: () => {} }), 'File'), 'Open Recent');
    expect(empty).toEqual([{ label: 'No Recent Libraries', enabled: false }]);
  });

  it('Edit has the standard editing roles', () => {
    const edit = submenuOf(menuTemplate({ isMac: false, isPackaged: true, sendCommand: () => {} }), 'Edit');
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('View has Preview, Find in List (which leaves Ctrl/Cmd+F to the editor), Trash and Story List', () => {
    const view = commandsOf(submenuOf(menuTemplate({ isMac: false, isPackaged: true, sendCommand: () => {} }), 'View'));
    expect(view.map((item) => [item.label, item.accelerator])).toEqual([
      ['Preview', 'CmdOrCtrl+Shift+P'],
      ['Find in List', 'CmdOrCtrl+Shift+F'],
      ['Trash', undefined],
      ['Story List', 'CmdOrCtrl+Shift+L'],
    ]);
  });

  it('Story offers Duplicate, Move to Trash (no shortcut: every candidate edits text), each status, Notes and History', () => {
    const sent: Sent[] = [];
    const story = submenuOf(menuTemplate({ isMac: false, isPackaged: true, sendCommand: (c) => sent.push(c) }), 'Story');
    const items = allItems(story).filter((item) => item.click !== undefined);
    expect(items.map((item) => [item.label, item.accelerator])).toEqual([
      ['Duplicate', 'CmdOrCtrl+D'],
      ['Move to Trash', undefined],
      ['Draft', undefined],
      ['Editing', undefined],
      ['Ready', undefined],
      ['Published', undefined],
      ['Spiked', undefined],
      ['Notes', undefined],
      ['History', 'CmdOrCtrl+Shift+H'],
    ]);
    for (const item of items) (item.click as () => void)();
    expect(sent).toEqual(['duplicate', 'trash', 'status-draft', 'status-editing', 'status-ready', 'status-published', 'status-spiked', 'notes', 'history']);
  });

  it('every menu command is in the contract, and no two items share a shortcut', () => {
    const sent: Sent[] = [];
    const items = allItems(menuTemplate({ isMac: false, isPackaged: true, sendCommand: (c) => sent.push(c) }));
    for (const item of items) if (item.click) (item.click as () => void)();
    expect(new Set(sent)).toEqual(new Set([...MENU_COMMANDS, ...LIBRARY_MENU_COMMANDS]));
    const accelerators = items.map((item) => item.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('a packaged app has no Reload or Developer Tools', () => {
    const roles = (isPackaged: boolean) =>
      submenuOf(menuTemplate({ isMac: false, isPackaged, sendCommand: () => {} }), 'View').map((item) => item.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(true)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('macOS gets the app menu first, with Settings… and Quit; File ends with Close', () => {
    const template = menuTemplate({ isMac: true, isPackaged: true, sendCommand: () => {} });
    const appMenu = (template[0]?.submenu ?? []) as MenuItemConstructorOptions[];
    expect(template[0]?.label).toBe('Copydesk');
    expect(appMenu.find((item) => item.label === 'Settings…')?.accelerator).toBe('CmdOrCtrl+,');
    expect(appMenu.at(-1)?.role).toBe('quit');
    const file = submenuOf(template, 'File');
    expect(file.at(-1)?.role).toBe('close');
    expect(file.some((item) => item.label === 'Settings…')).toBe(false);
  });

  it('writes shortcuts as Electron accelerators', () => {
    expect(toAccelerator('Mod-Shift-p')).toBe('CmdOrCtrl+Shift+P');
    expect(toAccelerator('Mod-,')).toBe('CmdOrCtrl+,');
  });
});

describe('each shortcut fires its command once', () => {
  const keyed = Object.keys(MENU_SHORTCUTS) as Sent[];

  for (const isMac of [true, false]) {
    it(`${isMac ? 'macOS' : 'Windows and Linux'}: every shortcut is one menu item's accelerator, and the window leaves those keys to the menu`, () => {
      const sent: Sent[] = [];
      const items = allItems(menuTemplate({ isMac, isPackaged: false, sendCommand: (c) => sent.push(c) }));
      const accelerators = items.map((item) => item.accelerator).filter((accelerator) => accelerator !== undefined);
      expect(new Set(accelerators).size, 'no key is bound twice in the menu').toBe(accelerators.length);
      for (const command of keyed) {
        const bound = items.filter((item) => item.accelerator === toAccelerator(MENU_SHORTCUTS[command]!));
        expect(bound, command).toHaveLength(1);
        sent.length = 0;
        (bound[0]!.click as () => void)();
        expect(sent).toEqual([command]);
        expect(shortcutOwner(command, { nativeMenu: true })).toBe('menu');
      }
    });
  }

  it('without a native menu (the renderer in a browser) the window handles every shortcut itself', () => {
    for (const command of keyed) expect(shortcutOwner(command, { nativeMenu: false })).toBe('window');
    expect(shortcutOwner('export-all', { nativeMenu: false })).toBeNull();
  });
});

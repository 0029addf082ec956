import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/contract.js';
import { menuTemplate } from './menuTemplate.js';

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('application menu', () => {
  it('File offers New Story, Export HTML… and Save Now, each sending its command', () => {
    const sent: MenuCommand[] = [];
    const file = submenuOf(menuTemplate({ isMac: false, isPackaged: true, sendCommand: (c) => sent.push(c) }), 'File');
    const commands = file.filter((item) => item.click !== undefined);
    expect(commands.map((item) => [item.label, item.accelerator])).toEqual([
      ['New Story', 'CmdOrCtrl+N'],
      ['Export HTML…', 'CmdOrCtrl+Shift+E'],
      ['Save Now', 'CmdOrCtrl+S'],
    ]);
    for (const item of commands) (item.click as () => void)();
    expect(sent).toEqual(['new-story', 'export-html', 'save-now']);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('Edit has the standard editing roles', () => {
    const edit = submenuOf(menuTemplate({ isMac: false, isPackaged: true, sendCommand: () => {} }), 'Edit');
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('a packaged app has no Reload or Developer Tools', () => {
    const roles = (isPackaged: boolean) =>
      submenuOf(menuTemplate({ isMac: false, isPackaged, sendCommand: () => {} }), 'View').map((item) => item.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(true)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('macOS gets the app menu first, which holds Quit', () => {
    const template = menuTemplate({ isMac: true, isPackaged: true, sendCommand: () => {} });
    expect(template[0]?.role).toBe('appMenu');
  });
});

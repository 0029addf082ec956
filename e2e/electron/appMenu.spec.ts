import { hasElectronBinary } from './hasElectronBinary.js';
import { expect, test } from './electronTest.js';

test.skip(!hasElectronBinary(), 'No Electron binary on this machine: the closed network cannot download it (see README)');

test('the File menu offers New Story, Export HTML… and Save Now with their shortcuts', async ({ electronApp, appWindow }) => {
  await expect(appWindow).toHaveURL(/^copydesk-app:/);
  const fileMenu = await electronApp.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File');
    return file?.submenu?.items.filter((item) => item.type === 'normal').map((item) => [item.label, item.accelerator ?? '']);
  });
  expect(fileMenu).toEqual(
    expect.arrayContaining([
      ['New Story', 'CmdOrCtrl+N'],
      ['Export HTML…', 'CmdOrCtrl+Shift+E'],
      ['Save Now', 'CmdOrCtrl+S'],
    ]),
  );
});

test('choosing Save Now in the menu sends save-now to the window', async ({ electronApp, appWindow }) => {
  const received = appWindow.evaluate(
    () => new Promise((resolve) => (window as unknown as { copydesk: { on: (e: string, l: (p: unknown) => void) => void } }).copydesk.on('menuCommand', resolve)),
  );
  await electronApp.evaluate(({ Menu, BrowserWindow }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File');
    const saveNow = file?.submenu?.items.find((item) => item.label === 'Save Now');
    saveNow?.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
  });
  expect(await received).toBe('save-now');
});

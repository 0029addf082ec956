import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STARTUP_PROBLEM_SELECTOR } from '../harness/appSession.js';
import { holdLibrary } from '../harness/holdLibrary.js';
import { hasElectronBinary } from './hasElectronBinary.js';
import { expect, launchCopydesk, test } from './electronTest.js';

// The Electron shell on its own: startup on a library it cannot open, a crashed renderer, spelling without network,
// parallel launches. Every launch has its own user-data folder (launchCopydesk), so these run in parallel.
test.skip(!hasElectronBinary(), 'No Electron binary on this machine: the closed network cannot download it (see README)');

let scratch: string;
test.beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-shell-'));
});
test.afterEach(async () => {
  await chmod(scratch, 0o755).catch(() => undefined);
  await rm(scratch, { recursive: true, force: true });
});

test('starting on a library another process holds opens a window that says so, with Try Again (no error box, no exit)', async () => {
  const libraryDir = path.join(scratch, 'Desk');
  const holder = await holdLibrary(libraryDir);
  const app = await launchCopydesk(libraryDir);
  try {
    const page = await app.firstWindow();
    await page.waitForSelector(STARTUP_PROBLEM_SELECTOR);
    await expect(page.getByRole('alert')).toContainText(`open in another Copydesk window (pid ${holder.pid})`);
    await holder.kill();
    await page.getByRole('button', { name: 'Try Again' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  } finally {
    await holder.kill();
    await app.close();
  }
});

test('starting on a read-only library opens a window with the reason and a way on', async () => {
  test.skip(process.getuid?.() === 0, 'Root may write to a read-only folder: the folder cannot be made read-only for it.');
  const libraryDir = path.join(scratch, 'Archive');
  await mkdir(libraryDir);
  await writeFile(path.join(libraryDir, 'library.json'), '{}');
  await chmod(libraryDir, 0o555);
  const app = await launchCopydesk(libraryDir);
  try {
    const page = await app.firstWindow();
    await page.waitForSelector(STARTUP_PROBLEM_SELECTOR);
    await expect(page.getByRole('button', { name: 'Open or Create a Library…' })).toBeVisible();
  } finally {
    await app.close();
  }
});

test('a crashed renderer: the user is told, Reload brings the window back, and closing does not wait on it', async () => {
  const app = await launchCopydesk(path.join(scratch, 'Desk'));
  try {
    const page = await app.firstWindow();
    await page.waitForSelector('body[data-ready="true"]');
    // Answer the crash message with Reload Window (button 0), and record that it was shown.
    await app.evaluate(({ dialog }) => {
      (globalThis as { __asked?: string[] }).__asked = [];
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args.find((arg) => arg && typeof arg === 'object' && 'message' in (arg as object)) as { message: string };
        (globalThis as { __asked?: string[] }).__asked!.push(options.message);
        return { response: 0, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
    await expect.poll(() => app.evaluate(() => (globalThis as { __asked?: string[] }).__asked)).toEqual([expect.stringContaining('stopped working')]);
    await page.waitForSelector('body[data-ready="true"]');
    // Crash again, answer Close Window: the window closes at once, without the 10 s wait for a save confirmation.
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = (async () => ({ response: 1, checkboxChecked: false })) as typeof dialog.showMessageBox;
    });
    const closed = app.evaluate(({ BrowserWindow }) => new Promise<void>((resolve) => BrowserWindow.getAllWindows()[0]!.once('closed', () => resolve())));
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
    await closed;
  } finally {
    await app.close();
  }
});

test('spelling makes no network request: the built-in checker is off outside macOS', async () => {
  const app = await launchCopydesk(path.join(scratch, 'Desk'));
  try {
    const page = await app.firstWindow();
    await page.waitForSelector('body[data-ready="true"]');
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!/^(copydesk-app|data|devtools):/.test(request.url())) requests.push(request.url());
    });
    const enabled = await app.evaluate(({ session }) => session.defaultSession.isSpellCheckerEnabled());
    expect(enabled).toBe(process.platform === 'darwin');
    await page.getByRole('button', { name: 'New story' }).first().click();
    await page.keyboard.type('Teh mayor recieved the counsil’s reccomendation.');
    // Main-process downloads do not show as page requests: ask the session what it fetched for spelling.
    const languages = await app.evaluate(({ session }) => session.defaultSession.getSpellCheckerLanguages());
    if (process.platform !== 'darwin') expect(languages.length === 0 || !enabled).toBe(true);
    expect(requests).toEqual([]);
  } finally {
    await app.close();
  }
});

test('two launches run side by side: each has its own user-data folder and single-instance lock', async () => {
  const [first, second] = await Promise.all([launchCopydesk(path.join(scratch, 'A')), launchCopydesk(path.join(scratch, 'B'))]);
  try {
    const paths = await Promise.all([first, second].map((app) => app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))));
    expect(paths[0]).not.toBe(paths[1]);
    for (const app of [first, second]) await (await app.firstWindow()).waitForSelector('body[data-ready="true"]');
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});

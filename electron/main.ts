import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { openAtStartup, type StartupHandlers } from './handlers/startupLibrary.js';
import { lastOpenedLibrary } from './handlers/preferencesStore.js';
import { readExportStylesheet } from './handlers/readExportStylesheet.js';
import { createDesktopPorts } from './dialogs.js';
import { registerIpc } from './ipc/registerIpc.js';
import { installAppMenu } from './menu.js';
import { registerAppScheme, serveAppProtocol } from './window/appProtocol.js';
import { createMainWindow, type MainWindow } from './window/createMainWindow.js';
import { libraryWindowTitle } from './window/libraryWindowTitle.js';
import { applySecurityPolicy, secureSession } from './window/securityPolicy.js';

// This file is bundled to dist/electron/main.cjs, beside preload.cjs and ../renderer/.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
/** The window icon (assets/build/icons, made by scripts/make-icons.mjs; packaged by electron-builder.yml). */
const windowIconPath = () => (process.platform === 'darwin' ? undefined : path.join(app.getAppPath(), 'assets', 'build', 'icons', '256x256.png'));

let mainWindow: MainWindow | null = null;
let quitRequested = false;
let closeHandlers: (() => Promise<void>) | null = null;
let handlers: StartupHandlers | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: PRELOAD_PATH,
    devTools: !app.isPackaged,
    title: libraryWindowTitle(handlers?.current?.library.name ?? ''),
    iconPath: windowIconPath(),
    flushLibrary: async () => handlers?.current?.library.flush(),
  });
  const opened = mainWindow;
  opened.window.on('closed', () => {
    if (mainWindow === opened) mainWindow = null;
  });
}

/** The window title and the Open Recent menu follow the library open now. */
function showLibrary(name: string): void {
  mainWindow?.window.setTitle(libraryWindowTitle(name));
  void handlers
    ?.getPreferences(undefined)
    .then(({ recentLibraries }) => installAppMenu({ isPackaged: app.isPackaged, recentLibraries }))
    .catch((error: unknown) => console.error('Copydesk could not update its menu:', error));
}

async function start(): Promise<void> {
  const preferencesFile = path.join(app.getPath('userData'), 'preferences.json');
  const libraryDir =
    process.env.COPYDESK_LIBRARY || (await lastOpenedLibrary(preferencesFile)) || path.join(app.getPath('userData'), 'Library');
  secureSession(session.defaultSession);
  serveAppProtocol(session.defaultSession, RENDERER_DIR);

  const ports = createDesktopPorts({
    mainWindow: () => mainWindow?.window ?? null,
    closeConfirmed: () => mainWindow?.confirmClose(),
    libraryChanged: showLibrary,
  });
  const exportStylesheet = readExportStylesheet(path.join(app.getAppPath(), 'assets', 'export.css'));
  // A library that cannot be opened (open elsewhere, read-only, moved…) still gets a window: it says why and offers
  // Try Again and Open Library… (startupLibrary.ts). Nothing here shows an error box and exits.
  const opened = await openAtStartup({ libraryDir, ports, exportStylesheet, preferencesFile });
  handlers = opened;
  closeHandlers = () => opened.close();
  registerIpc(opened);
  showLibrary(opened.current?.library.name ?? '');
  openMainWindow();
}

// Tests only (COPYDESK_E2E, set by e2e/harness): each launch gets the user-data folder its --user-data-dir names, so
// parallel launches never share preferences or the single-instance lock, and never touch the user's real ones.
if (process.env.COPYDESK_E2E === '1') {
  const userData = app.commandLine.getSwitchValue('user-data-dir');
  if (userData) app.setPath('userData', userData);
}

registerAppScheme();
applySecurityPolicy(app);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = mainWindow?.window;
    if (win === undefined || win.isDestroyed()) {
      if (closeHandlers !== null) openMainWindow();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('before-quit', () => {
    quitRequested = true;
  });

  // Windows close one by one after their renderer confirmed it saved; quit when the last is gone.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitRequested) app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && closeHandlers !== null && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.on('will-quit', (event) => {
    const close = closeHandlers;
    if (close === null) return;
    closeHandlers = null;
    event.preventDefault();
    close()
      .catch((error: unknown) => console.error('Copydesk could not close its library cleanly:', error))
      .finally(() => app.quit());
  });

  app.whenReady().then(start).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Copydesk could not start', message);
    app.exit(1);
  });
}

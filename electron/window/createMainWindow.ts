import { dialog, type BrowserWindow } from 'electron';
import { sendEvent } from '../ipc/sendEvent.js';
import { createCloseGuard } from './closeGuard.js';
import { createRendererHealth } from './rendererHealth.js';
import { createSecureWindow } from './securityPolicy.js';
import { APP_ENTRY_URL } from './securityRules.js';

const RENDERER_ANSWER_TIMEOUT_MS = 10_000;

export interface MainWindow {
  window: BrowserWindow;
  /** The renderer has saved everything: let the pending close through. */
  confirmClose(): void;
}

export function createMainWindow(options: {
  preloadPath: string;
  devTools: boolean;
  title: string;
  iconPath?: string;
  /** Writes what the main process holds for the open library; called when the renderer crashes or hangs. */
  flushLibrary(): Promise<void>;
}): MainWindow {
  const window = createSecureWindow({
    preloadPath: options.preloadPath,
    devTools: options.devTools,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: options.title,
    show: false,
    backgroundColor: '#faf9f6',
    // Linux and Windows show it in the title bar and task switcher (macOS takes the app bundle's icon).
    ...(options.iconPath ? { icon: options.iconPath } : {}),
  });

  const guard = createCloseGuard({
    askRendererToFlush: () => sendEvent(window, 'flushBeforeClose', undefined),
    closeWindow: () => window.close(),
    askUserToCloseAnyway: async () => {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        message: 'Copydesk could not confirm your story was saved. Close anyway?',
        buttons: ['Cancel', 'Close Anyway'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      return response === 1;
    },
    timeoutMs: RENDERER_ANSWER_TIMEOUT_MS,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  });

  const health = createRendererHealth({
    flushLibrary: options.flushLibrary,
    ask: async ({ message, detail, buttons }) => {
      if (window.isDestroyed()) return buttons.length - 1;
      const { response } = await dialog.showMessageBox(window, { type: 'error', message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true });
      return response;
    },
    reload: ({ endHungRenderer }) => {
      if (window.isDestroyed()) return;
      if (endHungRenderer) window.webContents.forcefullyCrashRenderer();
      window.webContents.reload();
    },
    closeWindow: () => {
      if (!window.isDestroyed()) window.close();
    },
    guard,
    log: (message, error) => console.error(message, ...(error === undefined ? [] : [error])),
  });
  window.webContents.on('render-process-gone', (_event, details) => void health.gone(details.reason));
  window.on('unresponsive', () => void health.unresponsive());
  window.on('responsive', () => health.responsive());

  window.once('ready-to-show', () => window.show());
  // The title names the open library (main.ts sets it), not the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('close', (event) => {
    if (guard.onCloseRequested()) event.preventDefault();
  });
  window.on('closed', () => guard.dispose());

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Copydesk could not load its window:', error));
  return { window, confirmClose: () => guard.confirm() };
}

import {
  BrowserWindow,
  shell,
  type App,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { externalUrlToOpen, isAllowedNavigation, isAllowedPermission, isAllowedSubframeDocument, isAllowedRequestUrl } from './securityRules.js';

//#region Security related measures — do not weaken
// Every window, webContents and session of Copydesk goes through this module.
// Relaxing any line here needs a security review, not a quick fix.

export interface SecureWindowOptions extends Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  preloadPath: string;
  devTools: boolean;
}

/**
 * The only way Copydesk creates a window. The webPreferences literal is spelled out here, and only here, so static
 * checkers (electronegativity) can read it; securityPolicy.test.ts holds it to the expected settings.
 */
export function createSecureWindow({ preloadPath, devTools, ...options }: SecureWindowOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Outside macOS, Chromium's checker downloads its dictionaries from Google: off until offline spelling lands.
      spellcheck: process.platform === 'darwin',
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      // The preload exposes only the contract's channels, through contextBridge.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      devTools,
    },
  });
}

/** Navigation, new windows and <webview> for one webContents. */
export function secureWebContents(contents: WebContents): void {
  const denyForeignNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyForeignNavigation(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    // The export preview is a sandboxed srcdoc frame: its document is about:srcdoc, never a network URL.
    if (!event.isMainFrame && isAllowedSubframeDocument(event.url)) return;
    denyForeignNavigation(event, event.url);
  });
  contents.on('will-redirect', (event) => denyForeignNavigation(event, event.url));

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    // externalUrlToOpen lets through only https: and mailto: URLs.
    if (external !== null) void shell.openExternal(external); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const securedSessions = new WeakSet<Session>();

/** Permissions and network for one session: deny everything that is not our own files. */
export function secureSession(session: Session): void {
  if (securedSessions.has(session)) return;
  securedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isAllowedPermission(permission, details.requestingUrl, details.isMainFrame)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame ?? false),
  );
  // No dictionary download (see spellcheck in createSecureWindow); macOS's own checker downloads nothing.
  if (process.platform !== 'darwin') session.setSpellCheckerEnabled?.(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}

/** Applies the policy to every webContents and session the app will ever create. */
export function applySecurityPolicy(app: App): void {
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents));
  app.on('session-created', (session) => secureSession(session));
}
//#endregion

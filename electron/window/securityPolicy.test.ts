import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real 'electron' package would try to download a binary: these fakes stand in for it.
const electron = vi.hoisted(() => ({
  windowOptions: [] as unknown[],
  openExternal: [] as string[],
}));
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      electron.windowOptions.push(options);
    }
  },
  shell: {
    openExternal: async (url: string) => {
      electron.openExternal.push(url);
    },
  },
}));

const { applySecurityPolicy, createSecureWindow, secureSession, secureWebContents } = await import('./securityPolicy.js');

/** The webPreferences every Copydesk window is created with, besides its preload path and devTools switch. */
const SECURE_WEB_PREFERENCES = {
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
  spellcheck: process.platform === 'darwin',
  disableBlinkFeatures: 'Auxclick',
} as const;

type Handler = (...args: never[]) => unknown;

function fakeWebContents() {
  const contents = Object.assign(new EventEmitter(), {
    windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      contents.windowOpenHandler = handler;
    },
  });
  return contents;
}

function navigationEvent(url: string) {
  return { url, prevented: false, preventDefault() { this.prevented = true; } };
}

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  return {
    handlers,
    setPermissionRequestHandler: (handler: Handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Handler) => (handlers.check = handler),
    webRequest: { onBeforeRequest: (handler: Handler) => (handlers.beforeRequest = handler) },
  };
}

beforeEach(() => {
  electron.windowOptions.length = 0;
  electron.openExternal.length = 0;
});

describe('every window', () => {
  it('is isolated, sandboxed and has no Node', () => {
    createSecureWindow({ preloadPath: '/app/preload.cjs', devTools: false });
    expect((electron.windowOptions[0] as { webPreferences: unknown }).webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: process.platform === 'darwin',
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('is created with exactly the secure webPreferences, the preload and the devTools switch', () => {
    createSecureWindow({ preloadPath: '/app/preload.cjs', devTools: false, width: 1280, title: 'Copydesk' });
    expect(electron.windowOptions).toEqual([
      {
        width: 1280,
        title: 'Copydesk',
        webPreferences: { ...SECURE_WEB_PREFERENCES, preload: '/app/preload.cjs', devTools: false },
      },
    ]);
  });
});

describe('every webContents', () => {
  it('stays on our pages: foreign navigations and redirects are prevented', () => {
    const contents = fakeWebContents();
    secureWebContents(contents as never);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const foreign = navigationEvent('https://example.com/');
      const ours = navigationEvent('copydesk-app://app/index.html');
      contents.emit(name, foreign);
      contents.emit(name, ours);
      expect([name, foreign.prevented, ours.prevented]).toEqual([name, true, false]);
    }
  });

  it('never opens a window; only https and mailto links go to the OS', () => {
    const contents = fakeWebContents();
    secureWebContents(contents as never);
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('https://example.com/story')).toEqual({ action: 'deny' });
    expect(open('mailto:desk@example.com')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('copydesk-app://app/index.html')).toEqual({ action: 'deny' });
    expect(electron.openExternal).toEqual(['https://example.com/story', 'mailto:desk@example.com']);
  });

  it('refuses to attach a <webview>', () => {
    const contents = fakeWebContents();
    secureWebContents(contents as never);
    const attach = navigationEvent('copydesk-app://app/index.html');
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.prevented).toBe(true);
  });
});

describe('every session', () => {
  it('denies every permission request and check but the app’s own clipboard write', () => {
    const session = fakeSession();
    secureSession(session as never);
    const answers: boolean[] = [];
    const request = (permission: string, requestingUrl: string) =>
      session.handlers.request?.({} as never, permission as never, ((granted: boolean) => answers.push(granted)) as never, { requestingUrl, isMainFrame: true } as never);
    request('media', 'copydesk-app://app/index.html');
    request('clipboard-sanitized-write', 'https://example.com/');
    request('clipboard-sanitized-write', 'copydesk-app://app/index.html');
    expect(answers).toEqual([false, false, true]);
    const check = session.handlers.check as unknown as (...args: unknown[]) => boolean;
    expect(check({}, 'geolocation', 'copydesk-app://app', { requestingUrl: 'copydesk-app://app/index.html', isMainFrame: true })).toBe(false);
  });

  it('cancels every request that is not our own files', () => {
    const session = fakeSession();
    secureSession(session as never);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      session.handlers.beforeRequest?.({ url } as never, ((response: { cancel: boolean }) => (cancel = response.cancel)) as never);
      return cancel;
    };
    expect(decide('copydesk-app://app/assets/index.js')).toBe(false);
    expect(decide('https://example.com/tracker.gif')).toBe(true);
  });
});

describe('the app', () => {
  it('secures every webContents and session it creates later', () => {
    const app = new EventEmitter();
    applySecurityPolicy(app as never);
    const contents = fakeWebContents();
    const session = fakeSession();
    app.emit('web-contents-created', {}, contents);
    app.emit('session-created', session);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(session.handlers.beforeRequest).toBeDefined();
  });
});

import { hasElectronBinary } from './hasElectronBinary.js';
import { expect, test } from './electronTest.js';

test.skip(!hasElectronBinary(), 'No Electron binary on this machine: the closed network cannot download it (see README)');

const APP_ENTRY_URL = 'copydesk-app://app/index.html';

test('the window is isolated, sandboxed and has no Node integration', async ({ electronApp, appWindow }) => {
  await expect(appWindow).toHaveURL(APP_ENTRY_URL);
  const prefs = await electronApp.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences is undocumented (absent from electron.d.ts) but is how a running window's settings are read.
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown> | null;
    };
    const preferences = contents.getLastWebPreferences();
    return {
      contextIsolation: preferences?.contextIsolation,
      sandbox: preferences?.sandbox,
      nodeIntegration: preferences?.nodeIntegration,
      webviewTag: preferences?.webviewTag,
      webSecurity: preferences?.webSecurity,
    };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
});

test('the page sees window.copydesk but neither require nor process', async ({ appWindow }) => {
  const globals = await appWindow.evaluate(() => ({
    require: typeof (window as { require?: unknown }).require,
    process: typeof (window as { process?: unknown }).process,
    copydesk: typeof (window as { copydesk?: unknown }).copydesk,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', copydesk: 'object' });
});

test('the app is served with its Content-Security-Policy, which blocks inline script', async ({ electronApp, appWindow }) => {
  const policy = await electronApp.evaluate(async ({ session }, url) => {
    const response = await session.defaultSession.fetch(url);
    return response.headers.get('content-security-policy');
  }, APP_ENTRY_URL);
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'none'");

  const violated = await appWindow.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__inlineScriptRan = true';
        document.head.append(script);
      }),
  );
  expect(violated).toMatch(/^script-src/);
  expect(await appWindow.evaluate(() => (window as { __inlineScriptRan?: boolean }).__inlineScriptRan)).toBeUndefined();
});

test('the window cannot be navigated to a web page', async ({ electronApp, appWindow }) => {
  await electronApp.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    (globalThis as { navigationAttempt?: Promise<unknown> }).navigationAttempt = new Promise((resolve) => {
      // Our own listener ran first (it was added when the window was created).
      contents.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
    });
  });
  await appWindow.evaluate(() => window.location.assign('https://example.com/'));
  const attempt = await electronApp.evaluate(() => (globalThis as { navigationAttempt?: Promise<unknown> }).navigationAttempt);
  expect(attempt).toEqual({ url: 'https://example.com/', prevented: true });
  await expect(appWindow).toHaveURL(APP_ENTRY_URL);
  await expect(appWindow.locator('#root')).toBeAttached();
});

test('the page cannot open new windows', async ({ electronApp, appWindow }) => {
  const opened = await appWindow.evaluate(() => window.open('copydesk-app://app/index.html') === null);
  expect(opened).toBe(true);
  expect(electronApp.windows()).toHaveLength(1);
});

test('the page cannot reach the network', async ({ appWindow }) => {
  const outcome = await appWindow.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'reached the network';
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
});

import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/channels.js';
import { openAtStartup } from '../../electron/handlers/startupLibrary.js';
import { readExportStylesheet } from '../../electron/handlers/readExportStylesheet.js';
import { checkedEventPayload } from '../../electron/ipc/checkedEventPayload.js';
import { invokeChannel } from '../../electron/ipc/invokeChannel.js';
import { READY_SELECTOR, STARTUP_PROBLEM_SELECTOR, type AppSession, type LaunchOptions } from './appSession.js';
import { installBridge } from './installBridge.js';
import { HARNESS_ORIGIN, serveRenderer } from './serveRenderer.js';

const RENDERER_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');
const EXPORT_STYLESHEET = path.resolve(import.meta.dirname, '../../assets/export.css');

/** Resolves once the running batch export has been cancelled (the held batch waits here). */
async function untilCancelled(cancelled: () => boolean): Promise<void> {
  while (!cancelled()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * Starts the built renderer in Chromium with window.copydesk bridged to the real handlers over a real library
 * folder: everything but the Electron shell itself.
 */
export async function launchChromiumApp(browser: Browser, libraryDir: string, options: LaunchOptions = {}): Promise<AppSession> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` before the e2e specs.');
  }
  const answers = { image: [] as (string | null)[], exportFolder: [] as (string | null)[], libraryFolder: [] as (string | null)[] };
  let confirmClose: () => void = () => undefined;
  let page: Page | null = null;
  let exportHold: number | null = null;
  // As electron/main.ts starts: a library that cannot be opened still gets a window that says why.
  const handlers = await openAtStartup({
    libraryDir,
    exportStylesheet: readExportStylesheet(EXPORT_STYLESHEET),
    ports: {
      // The harness's webContents.send: deliver main → renderer events to the page's listeners, checked as sendEvent does.
      sendEvent: (name, payload) => {
        const checked = checkedEventPayload(name, payload);
        if (!checked) return;
        void page
          ?.evaluate(([event, data]) => (window as unknown as { __copydeskEmit(e: string, p: unknown): void }).__copydeskEmit(event, data), [name, checked.payload] as const)
          .catch(() => undefined);
      },
      chooseImageFile: async () => (answers.image.length ? answers.image.shift()! : null),
      chooseExportFolder: async () => (answers.exportFolder.length ? answers.exportFolder.shift()! : null),
      chooseLibraryFolder: async () => (answers.libraryFolder.length ? answers.libraryFolder.shift()! : null),
      closeConfirmed: () => confirmClose(),
      beforeExportingStory: async (index, cancelled) => {
        if (index !== exportHold) return;
        exportHold = null;
        await untilCancelled(cancelled);
      },
    },
  });

  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'en-US', timezoneId: 'Asia/Tokyo' });
  const refused = await serveRenderer(context, RENDERER_DIR);
  page = await context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(HARNESS_ORIGIN) && !url.startsWith('data:') && !refused.includes(`${request.method()} ${url}`)) {
      refused.push(`${request.method()} ${url}`);
    }
  });
  // Like registerIpc: only the top frame of our own page may call the API.
  await page.exposeBinding('__copydeskInvoke', async (source, name: unknown, input: unknown) => {
    if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(HARNESS_ORIGIN)) {
      return { ok: false, error: { code: 'invalid-input', message: 'Refused: not the Copydesk window.' } };
    }
    return invokeChannel(handlers, String(name), input);
  });
  await page.addInitScript(installBridge, { channels: CHANNEL_NAMES, events: EVENT_NAMES });
  await page.goto(`${HARNESS_ORIGIN}/index.html`);
  await page.waitForSelector(options.startsWithProblem ? STARTUP_PROBLEM_SELECTOR : READY_SELECTOR);

  let closed = false;
  return {
    page,
    libraryDir,
    shell: 'chromium',
    answerNextImageDialog: async (filePath) => void answers.image.push(filePath),
    answerNextExportDialog: async (folder) => void answers.exportFolder.push(folder),
    answerNextLibraryDialog: async (folder) => void answers.libraryFolder.push(folder),
    holdNextBatchExport: async (stories) => void (exportHold = stories),
    networkRequests: () => [...refused],
    async close() {
      if (closed) return;
      // The same handshake as the Electron window: flushBeforeClose, then wait for confirmClose.
      const confirmed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The app did not confirm it had saved within 10 s of being asked to close.')), 10_000);
        confirmClose = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      await page.evaluate(() => (window as unknown as { __copydeskEmit(event: string): void }).__copydeskEmit('flushBeforeClose'));
      await confirmed;
      closed = true;
      await context.close();
      await handlers.close();
    },
  };
}

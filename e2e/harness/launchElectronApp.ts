import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron } from '@playwright/test';
import { READY_SELECTOR, STARTUP_PROBLEM_SELECTOR, type AppSession, type LaunchOptions } from './appSession.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the real Electron app on a library folder; dialogs are answered by replacing them in the main process. */
export async function launchElectronApp(libraryDir: string, options: LaunchOptions = {}): Promise<AppSession> {
  // Its own user-data folder (electron/main.ts reads --user-data-dir under COPYDESK_E2E): launches run in parallel.
  const userData = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-user-data-'));
  const app = await _electron.launch({
    args: [REPO_ROOT, `--user-data-dir=${userData}`],
    env: { ...process.env, COPYDESK_LIBRARY: libraryDir, COPYDESK_E2E: '1' },
  });
  app.once('close', () => void rm(userData, { recursive: true, force: true }));
  const page = await app.firstWindow();
  await page.waitForSelector(options.startsWithProblem ? STARTUP_PROBLEM_SELECTOR : READY_SELECTOR);
  const refused: string[] = [];
  page.on('request', (request) => {
    if (!/^(copydesk-app|data|devtools):/.test(request.url())) refused.push(`${request.method()} ${request.url()}`);
  });
  const answerNext = (property: 'openFile' | 'openDirectory', filePath: string | null) =>
    app.evaluate(({ dialog }, [kind, chosen]) => {
      const original = dialog.showOpenDialog;
      dialog.showOpenDialog = (async (...args: Parameters<typeof original>) => {
        const options = args.find((arg) => arg && 'properties' in (arg as object)) as { properties?: string[] } | undefined;
        if (!options?.properties?.includes(kind as string)) return original(...args);
        dialog.showOpenDialog = original;
        return { canceled: chosen === null, filePaths: chosen === null ? [] : [chosen as string] };
      }) as typeof original;
    }, [property, filePath] as const);
  return {
    page,
    libraryDir,
    shell: 'electron',
    answerNextImageDialog: (filePath) => answerNext('openFile', filePath),
    answerNextExportDialog: (folder) => answerNext('openDirectory', folder),
    answerNextLibraryDialog: (folder) => answerNext('openDirectory', folder),
    // electron/dialogs.ts's ports call globalThis.__copydeskE2E.beforeExportingStory when COPYDESK_E2E is set.
    holdNextBatchExport: (stories) =>
      app.evaluate((_electron, held) => {
        (globalThis as { __copydeskE2E?: unknown }).__copydeskE2E = {
          async beforeExportingStory(index: number, cancelled: () => boolean) {
            if (index !== held) return;
            delete (globalThis as { __copydeskE2E?: unknown }).__copydeskE2E;
            while (!cancelled()) await new Promise((resolve) => setTimeout(resolve, 10));
          },
        };
      }, stories),
    networkRequests: () => [...refused],
    close: () => app.close(),
  };
}

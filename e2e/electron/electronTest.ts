import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { READY_SELECTOR } from '../harness/appSession.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

interface ElectronFixtures {
  /** The running Copydesk main process, on a fresh temp library. */
  electronApp: ElectronApplication;
  /** Its main window, once the renderer says it is ready. */
  appWindow: Page;
}

/**
 * Starts the built app on a library with its own user-data folder (--user-data-dir, read by electron/main.ts only
 * under COPYDESK_E2E): parallel launches share no preferences and no single-instance lock, and none touches the
 * user's real user-data folder. The folder is removed when the app closes.
 */
export async function launchCopydesk(libraryDir: string): Promise<ElectronApplication> {
  const userData = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-user-data-'));
  const app = await _electron.launch({
    args: [REPO_ROOT, `--user-data-dir=${userData}`],
    env: { ...process.env, COPYDESK_LIBRARY: libraryDir, COPYDESK_E2E: '1' },
  });
  app.once('close', () => void rm(userData, { recursive: true, force: true }));
  return app;
}

/** For specs about Electron itself (security settings, native menu); needs the built app (npm run build). */
export const test = base.extend<ElectronFixtures>({
  electronApp: async ({}, use) => {
    const libraryDir = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-electron-'));
    const app = await launchCopydesk(libraryDir);
    await use(app);
    await app.close();
    await rm(libraryDir, { recursive: true, force: true });
  },
  appWindow: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    await page.waitForSelector(READY_SELECTOR, { state: 'attached' });
    await use(page);
  },
});

export { expect } from '@playwright/test';

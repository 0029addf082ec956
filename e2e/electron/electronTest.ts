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

/** For specs about Electron itself (security settings, native menu); needs the built app (npm run build). */
export const test = base.extend<ElectronFixtures>({
  electronApp: async ({}, use) => {
    const libraryDir = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-electron-'));
    const app = await _electron.launch({ args: [REPO_ROOT], env: { ...process.env, COPYDESK_LIBRARY: libraryDir } });
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

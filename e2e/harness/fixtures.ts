import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { hasElectronBinary } from '../electron/hasElectronBinary.js';
import type { AppSession, LaunchOptions } from './appSession.js';
import { launchChromiumApp } from './launchChromiumApp.js';
import { launchElectronApp } from './launchElectronApp.js';

interface HarnessFixtures {
  /** A fresh, empty library folder for this test. */
  libraryDir: string;
  /** A scratch folder for files a user would pick from disk and for exports. */
  workDir: string;
  /** Starts Copydesk on a library folder (the test's own by default); every app started is closed after the test. */
  launchApp: (libraryDir?: string, options?: LaunchOptions) => Promise<AppSession>;
  /** Copydesk, running on the test's library. */
  app: AppSession;
}

/**
 * Every spec file in e2e/ imports `test` from here and gets a running app and its library folder.
 * A test fails if the app made any network request; a failing test keeps a screenshot.
 */
export const test = base.extend<HarnessFixtures>({
  libraryDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-library-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  workDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-files-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // workDir is named so it outlives the apps: a spec may open a library there, and the app writes it on close.
  launchApp: async ({ browser, libraryDir, workDir: _outlivesApps }, use, testInfo) => {
    const sessions: AppSession[] = [];
    await use(async (dir = libraryDir, options = {}) => {
      const session = hasElectronBinary() ? await launchElectronApp(dir, options) : await launchChromiumApp(browser, dir, options);
      sessions.push(session);
      return session;
    });
    for (const session of sessions) {
      if (testInfo.status !== testInfo.expectedStatus && !session.page.isClosed()) {
        await testInfo.attach(`screenshot-${sessions.indexOf(session)}`, { body: await session.page.screenshot(), contentType: 'image/png' });
      }
      await session.close().catch(() => undefined);
    }
    for (const session of sessions) {
      expect(session.networkRequests(), 'Copydesk made network requests; it must work offline').toEqual([]);
    }
  },
  app: async ({ launchApp }, use) => {
    await use(await launchApp());
  },
});

export { expect };

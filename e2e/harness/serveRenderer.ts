import { readFile } from 'node:fs/promises';
import type { BrowserContext, Request } from '@playwright/test';
import { resolveAppAsset } from '../../electron/window/resolveAppAsset.js';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from '../../electron/window/securityRules.js';

/** The origin the built renderer is served from in Chromium; requests to it never leave Playwright. */
export const HARNESS_ORIGIN = 'http://app.copydesk.localhost';

/**
 * Serves dist/renderer to the context from disk and refuses every other request. Each refused request is
 * recorded: Copydesk works offline, so any of them fails the test.
 */
export async function serveRenderer(context: BrowserContext, rendererDir: string): Promise<string[]> {
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const request: Request = route.request();
    const url = new URL(request.url());
    if (url.origin !== HARNESS_ORIGIN) {
      refused.push(`${request.method()} ${request.url()}`);
      return route.abort('blockedbyclient');
    }
    // The same resolver, with its traversal guard, that serves copydesk-app:// in Electron.
    const asset = resolveAppAsset(rendererDir, `${APP_SCHEME}://${APP_HOST}${url.pathname}`);
    const body = asset ? await readFile(asset.filePath).catch(() => null) : null;
    if (!asset || !body) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ status: 200, body, contentType: asset.mimeType, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });
  await context.routeWebSocket(/.*/, (ws) => {
    refused.push(`WebSocket ${ws.url()}`);
    void ws.close();
  });
  return refused;
}

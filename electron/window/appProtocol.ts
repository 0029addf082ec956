import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { resolveAppAsset } from './resolveAppAsset.js';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './securityRules.js';

/** Must run before app `ready`: our scheme behaves like https (standard, secure origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer (rootDir, e.g. dist/renderer) on `copydesk-app://app/`. */
export function serveAppProtocol(session: Session, rootDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');
    const asset = resolveAppAsset(rootDir, request.url);
    if (asset === null) return plainResponse(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(asset.filePath);
    } catch {
      return plainResponse(404, 'Not found');
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': asset.mimeType };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}

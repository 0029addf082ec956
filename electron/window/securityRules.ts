// Pure security decisions, kept free of Electron so they are unit-tested in plain Node.
// securityPolicy.ts applies them (and the webPreferences) to every window, webContents and session.

export const APP_SCHEME = 'copydesk-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** sha256 of the `<style>` text of an exported document (assets/export.css); a test keeps it in step with the file. */
export const EXPORT_STYLESHEET_HASH = 'sha256-S+Z07OUgp7Fk+VZcqyYvsqxkPUUzk0PYJAJUjcfOmMM=';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The hash admits exactly the export stylesheet inlined in the sandboxed preview (which inherits this policy).
  `style-src 'self' '${EXPORT_STYLESHEET_HASH}'`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of our own app origin, `copydesk-app://app/...`. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Windows may only ever show our own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** A subframe may hold only the preview's inline document. */
export function isAllowedSubframeDocument(url: string): boolean {
  return url === 'about:srcdoc';
}

/** Permissions the app uses: writing to the clipboard ("Copy for CMS"), from our own top frame only. */
export function isAllowedPermission(permission: string, requestingUrl: string, isMainFrame: boolean): boolean {
  return permission === 'clipboard-sanitized-write' && isMainFrame && isAppUrl(requestingUrl);
}

/** The URL to hand to the OS (https: and mailto: only), or null to drop the request. */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null) return null;
  if (parsed.protocol === 'mailto:') return parsed.href;
  if (parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '') {
    return parsed.href;
  }
  return null;
}

/** Copydesk never goes to the network: only our scheme, inline data and DevTools may load. */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url);
  return parsed !== null && (parsed.protocol === 'data:' || parsed.protocol === 'devtools:');
}

import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  externalUrlToOpen,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isAllowedPermission,
  isAllowedSubframeDocument,
  isAppUrl,
  EXPORT_STYLESHEET_HASH,
} from './securityRules.js';

describe('content security policy', () => {
  it('allows only our own origin and never the network', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name, ...values] = directive.split(' ');
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': `'self' '${EXPORT_STYLESHEET_HASH}'`,
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'object-src': "'none'",
      'frame-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('the export preview', () => {
  it('the policy admits the export stylesheet exactly as an exported document inlines it', async () => {
    const { createHash } = await import('node:crypto');
    const { readFile } = await import('node:fs/promises');
    const { createStoryExporter } = await import('../../shared/export/createStoryExporter.js');
    const { makeStory } = await import('../../shared/export/testing/makeStory.js');
    const { DEFAULT_EXPORT_SETTINGS } = await import('../../shared/exportSettings.js');
    const css = await readFile(new URL('../../assets/export.css', import.meta.url), 'utf8');
    const html = createStoryExporter({ stylesheet: css }).document(makeStory(), { ...DEFAULT_EXPORT_SETTINGS, stylesheet: true });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(`sha256-${createHash('sha256').update(style).digest('base64')}`).toBe(EXPORT_STYLESHEET_HASH);
  });

  it('the renderer page carries the same policy as the app protocol serves', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('subframes', () => {
  it('only the preview’s srcdoc document', () => {
    expect(isAllowedSubframeDocument('about:srcdoc')).toBe(true);
    expect(isAllowedSubframeDocument('about:blank')).toBe(false);
    expect(isAllowedSubframeDocument('https://example.com/')).toBe(false);
  });
});

describe('permissions', () => {
  it('only the clipboard write of Copy for CMS, from our own top frame', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', APP_ENTRY_URL, true)).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', APP_ENTRY_URL, false)).toBe(false);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://example.com/', true)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal']) {
      expect(isAllowedPermission(permission, APP_ENTRY_URL, true)).toBe(false);
    }
  });
});

describe('navigation', () => {
  it('the window may show our own pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('copydesk-app://app/index.html#/story/abc')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'copydesk-app://evil/index.html',
    'copydesk-app://app.evil.com/index.html',
    'copydesk-app://app@evil/index.html',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
  ])('navigating to %s is denied', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('links that leave the app', () => {
  it('https and mailto links go to the operating system', () => {
    expect(externalUrlToOpen('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(externalUrlToOpen('mailto:desk@example.com')).toBe('mailto:desk@example.com');
  });

  it.each([
    'http://example.com/',
    'file:///Applications/Calculator.app',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id',
    'https://user:secret@example.com/',
    'copydesk-app://app/index.html',
    '',
  ])('%s is never opened', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});

describe('network requests', () => {
  it('only our scheme, data: and devtools: may load', () => {
    expect(isAllowedRequestUrl('copydesk-app://app/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html')).toBe(true);
  });

  it.each([
    'https://fonts.example.com/font.woff2',
    'http://127.0.0.1:8080/',
    'ws://localhost/',
    'file:///etc/hosts',
    'blob:copydesk-app://app/123',
    'copydesk-app://other/index.html',
  ])('%s is cancelled', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

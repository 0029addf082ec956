import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAsset } from './resolveAppAsset.js';

const root = path.resolve('/opt/copydesk/dist/renderer');

describe('serving the renderer', () => {
  it('serves index.html for the app root', () => {
    expect(resolveAppAsset(root, 'copydesk-app://app/')).toEqual({
      filePath: path.join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
  });

  it('serves nested assets with their MIME type, ignoring query and hash', () => {
    expect(resolveAppAsset(root, 'copydesk-app://app/assets/index-abc.js?v=1#x')).toEqual({
      filePath: path.join(root, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'copydesk-app://app/assets/My%20Font.woff2')?.filePath).toBe(
      path.join(root, 'assets', 'My Font.woff2'),
    );
  });

  it.each([
    'copydesk-app://app/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'copydesk-app://app/assets/..%5C..%5Csecret.txt',
    'copydesk-app://app/index.html%00.png',
    'copydesk-app://app/.env',
    'copydesk-app://app/%E0%A4%A',
    'copydesk-app://evil/index.html',
    'file:///etc/passwd',
  ])('%s resolves to nothing', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('dot segments are clamped to the root, as a browser does', () => {
    const inside = path.join(root, 'etc', 'passwd');
    expect(resolveAppAsset(root, 'copydesk-app://app/../../etc/passwd')?.filePath).toBe(inside);
    expect(resolveAppAsset(root, 'copydesk-app://app/%2e%2e/%2e%2e/etc/passwd')?.filePath).toBe(inside);
  });

  it('never resolves outside the root, whatever the path', () => {
    for (const tail of ['..', '../', '..%2f', '%2e%2e%2f', 'a/../../b', 'a/%2e%2e/%2e%2e/b', '%2F%2Fetc']) {
      const asset = resolveAppAsset(root, `copydesk-app://app/${tail}`);
      if (asset !== null) expect(asset.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('MIME types', () => {
  it.each([
    ['a.css', 'text/css; charset=utf-8'],
    ['a.SVG', 'image/svg+xml'],
    ['a.webp', 'image/webp'],
    ['a.woff2', 'font/woff2'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

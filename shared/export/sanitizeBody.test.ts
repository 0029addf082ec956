import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyNode } from '../story.js';
import { sanitizeBody } from './sanitizeBody.js';
import { INVALID_URL_HREFS } from './testing/exportCorpus.js';

/** The href a link to `href` is exported with, or null when the export drops the link (and keeps its text). */
function exportedHref(href: string): string | null {
  const body = sanitizeBody({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'the report', marks: [{ type: 'link', attrs: { href } }] }] }] });
  const text = body.content![0]!.content![0]!;
  expect(text.text).toBe('the report');
  const exported = text.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
  return typeof exported === 'string' ? exported : null;
}

/** A valid URL string made of ASCII only (WHATWG URL: URL units, with at most one "#"; brackets only round an IPv6 host). */
const UNIT = String.raw`(?:[A-Za-z0-9!$&'()*+,\-./:;=?@_~]|%[0-9A-Fa-f]{2})`;
const VALID_ASCII_URL = new RegExp(String.raw`^(?:https?://\[[0-9A-Fa-f:.]+\])?${UNIT}*(?:#${UNIT}*)?$`);

/** The page the export is read on, to resolve relative links against. */
const PAGE = 'https://news.example/stories/2026/talks/index.html';

/** What the URL parser leaves as typed in a parsed http(s) URL and the export escapes: |, ^, [, ], \, `, {, }, a lone % and a second #. */
function escapeWhatTheParserLeaves(href: string): string {
  const escape = (part: string) => part.replace(/%(?![0-9A-Fa-f]{2})|[|^[\]\\`{}#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const hash = href.indexOf('#');
  return hash < 0 ? escape(href) : `${escape(href.slice(0, hash))}#${escape(href.slice(hash + 1))}`;
}

describe('link addresses in an export', () => {
  it.each([
    ['/news/a story', '/news/a%20story'],
    ['/q "quoted"', '/q%20%22quoted%22'],
    ['/<b>x</b>', '/%3Cb%3Ex%3C/b%3E'],
    ['/ニュース/記事', '/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9/%E8%A8%98%E4%BA%8B'],
    ['/أخبار/مقال', '/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%85%D9%82%D8%A7%D9%84'],
    ['/100%', '/100%25'],
    ['/50%off', '/50%25off'],
    ['/a%20b', '/a%20b'],
    ['?a=b c#frag x', '?a=b%20c#frag%20x'],
    ['#a#b', '#a%23b'],
    ['/a|b^c{d}`e[f]', '/a%7Cb%5Ec%7Bd%7D%60e%5Bf%5D'],
    ['a\\b?c\\d#e\\f', 'a/b?c%5Cd#e%5Cf'],
    ['/tab\there\nand\u0001\u0085', '/tabhereand%01%C2%85'],
    ['/lone\uD800', '/lone%EF%BF%BD'],
  ])('a relative link to %j is exported as %j', (href, expected) => {
    expect(exportedHref(href)).toBe(expected);
  });

  it.each([
    ['https://example.com/a b?q=x y|z#f g#h', 'https://example.com/a%20b?q=x%20y%7Cz#f%20g%23h'],
    ['https://例え.jp/記事?q=ニュース', 'https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B?q=%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9'],
    ["https://evil.example/'><script>", "https://evil.example/'%3E%3Cscript%3E"],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
    ['https://[::1]:8080/a b', 'https://[::1]:8080/a%20b'],
    ['mailto:desk@example.com?subject=Talks resume', 'mailto:desk@example.com?subject=Talks%20resume'],
    ['mailto:a b@example.com', 'mailto:a%20b@example.com'],
  ])('an absolute link to %j is exported as %j', (href, expected) => {
    expect(exportedHref(href)).toBe(expected);
  });

  it.each(['../archive/2026/', '#section-2', '/a%20b?c=%C3%A9', 'https://example.com/a?b=1&c=2', 'mailto:desk@example.com'])('a link to %j, already a valid URL, is exported as it is', (href) => {
    expect(exportedHref(href)).toBe(href);
  });

  it.each([
    ['credentials', 'https://user:secret@example.com/'],
    ['a space in the host', 'https://exa mple.com/'],
    ['an empty label in the host', 'https://a..example/'],
    ['a label of 64 characters', `https://${'a'.repeat(64)}.example/`],
    ['a port out of range', 'https://example.com:99999/'],
    ['a backslash that makes it another site', '/\\evil.example/'],
  ])('a link with %s, which no valid URL leads to, is dropped and its text kept', (_what, href) => {
    expect(exportedHref(href)).toBeNull();
  });

  it('exports every kind of address in the corpus as ASCII URL units, or drops it', () => {
    for (const href of INVALID_URL_HREFS) {
      const exported = exportedHref(href);
      if (exported !== null) expect(exported).toMatch(VALID_ASCII_URL);
    }
  });

  it('a relative or http(s) link leads where the browser would have taken the address as typed, and stays on its site', () => {
    const unit = fc.oneof(
      fc.constantFrom(' ', '"', "'", '<', '>', '\\', '|', '^', '{', '}', '`', '[', ']', '%', '%2', '%20', '#', '?', '/', '.', '..', ':', '@', '\t', '\n', '\u0001', '\u007f', '\uD800', 'ニ', 'م'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const prefix = fc.constantFrom('/', './', '../', '?', '#', 'https://example.com/', 'http://例え.jp/');
    fc.assert(
      fc.property(prefix, fc.string({ unit, maxLength: 12 }), (start, rest) => {
        const href = (start + rest).trim();
        const exported = exportedHref(href);
        if (exported === null) {
          // Only a relative link that the browser reads as "//host", another site, is dropped.
          expect(start).toBe('/');
          expect(href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')).toMatch(/^\/[/\\]/);
          return;
        }
        expect(exported).toMatch(VALID_ASCII_URL);
        const typed = new URL(href, PAGE);
        const published = new URL(exported, PAGE);
        expect(published.host).toBe(new URL(start, PAGE).host);
        expect(published.href).toBe(escapeWhatTheParserLeaves(typed.href));
      }),
      { numRuns: 2_000 },
    );
  });
});

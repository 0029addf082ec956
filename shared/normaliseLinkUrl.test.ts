import { describe, expect, it } from 'vitest';
import { LINK_OTHER_SITE_ERROR, LINK_SCHEME_ERROR, normaliseLinkUrl } from './normaliseLinkUrl.js';

// What the Link dialog does with what a writer types, and what a story file's links are held to when it is read.
describe('normaliseLinkUrl', () => {
  it.each([
    ['https://example.com/report', 'https://example.com/report'],
    ['  http://example.com  ', 'http://example.com'],
    ['example.com', 'https://example.com'],
    ['www.example.com/a?b=1', 'https://www.example.com/a?b=1'],
    ['desk@example.com', 'mailto:desk@example.com'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['/news/2026/budget', '/news/2026/budget'],
    ['../budget', '../budget'],
    ['#corrections', '#corrections'],
  ])('takes %j as %j', (typed, href) => {
    expect(normaliseLinkUrl(typed)).toEqual({ ok: true, href });
  });

  it.each([
    ['javascript:alert(1)', LINK_SCHEME_ERROR],
    ['JaVaScRiPt:alert(1)', LINK_SCHEME_ERROR],
    ['data:text/html,<b>x</b>', LINK_SCHEME_ERROR],
    // Two slashes without a scheme, either of them a backslash, are another site to a browser: never a relative link.
    ['//evil.example/', LINK_OTHER_SITE_ERROR],
    ['\\\\evil.example/', LINK_OTHER_SITE_ERROR],
    ['/\\evil.example/', LINK_OTHER_SITE_ERROR],
    ['\\/evil.example/', LINK_OTHER_SITE_ERROR],
    ['', 'Enter a URL.'],
    ['https://example.com/a report', 'A URL cannot contain spaces.'],
    ['/\t/evil.example/', 'A URL cannot contain spaces.'],
  ])('refuses %j: %s', (typed, error) => {
    expect(normaliseLinkUrl(typed)).toEqual({ ok: false, error });
  });
});

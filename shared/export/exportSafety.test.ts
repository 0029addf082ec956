import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine } from '../cleanText.js';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../exportSettings.js';
import type { BodyNode, Story } from '../story.js';
import { createStoryExporter } from './createStoryExporter.js';
import { createBodyRenderer } from './renderStoryBody.js';
import { arbitrarySettings, arbitraryStory } from './testing/arbitraryStory.js';
import { findExecutableContent } from './testing/findExecutableContent.js';
import { makeStory, SAMPLE_IMAGE } from './testing/makeStory.js';
import { parseHtml } from './testing/parseHtml.js';
import { XSS_PAYLOADS } from './testing/xssPayloads.js';

const STYLESHEET = '.cd-story { margin: 0 auto; }';
const exporter = createStoryExporter({ stylesheet: STYLESHEET });
const renderBody = createBodyRenderer();
const DATA_URI = 'data:image/png;base64,iVBORw0KGgo=';

function hostileStory(payload: string): Story {
  const text = (value: string, marks?: BodyNode['marks']): BodyNode => ({ type: 'text', text: value, marks });
  return makeStory({
    section: payload,
    headline: payload,
    dek: payload,
    byline: payload,
    imageCredit: payload,
    imageCaption: payload,
    imageAlt: payload,
    slug: payload,
    tags: [payload, `${payload} 2`],
    image: SAMPLE_IMAGE,
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { onclick: payload, style: payload }, content: [text(payload)] },
        { type: 'paragraph', content: [text('link', [{ type: 'link', attrs: { href: payload, onmouseover: payload } }])] },
        { type: 'heading', attrs: { level: payload }, content: [text(payload, [{ type: 'bold', attrs: { style: payload } }])] },
        { type: payload, attrs: { src: payload }, content: [text(payload, [{ type: payload }])] },
      ],
    },
  });
}

function hostileSettings(payload: string, imageMode: ExportSettings['imageMode']): ExportSettings {
  return { ...DEFAULT_EXPORT_SETTINGS, publicationName: payload, baseUrl: payload, imageMode, language: payload, timeZone: payload };
}

/** The promises every export keeps: nothing runs, it parses to one article with one h1, and its JSON-LD is data. */
function expectInert(story: Story, settings: ExportSettings) {
  const image = settings.imageMode === 'embed' ? { dataUri: DATA_URI } : undefined;
  const html = exporter.document(story, settings, image);
  const options = { stylesheet: settings.stylesheet ? STYLESHEET : null, embeddedImage: settings.imageMode === 'embed' };
  expect(findExecutableContent(html, options)).toEqual([]);
  const fragment = exporter.fragment(story, settings, image);
  expect(findExecutableContent(`<!DOCTYPE html><html><head><title>x</title></head><body>${fragment}</body></html>`, options)).toEqual([]);

  const doc = parseHtml(html);
  expect(doc.querySelectorAll('article')).toHaveLength(1);
  expect(doc.querySelectorAll('h1')).toHaveLength(1);
  const title = oneLine(story.headline) || 'Untitled';
  expect(doc.querySelector('title')!.textContent).toBe(title);
  expect(doc.querySelector('h1')!.textContent).toBe(title);
  const scripts = doc.querySelectorAll('script');
  expect(scripts).toHaveLength(1);
  const data = JSON.parse(scripts[0]!.textContent) as Record<string, unknown>;
  expect(data).toMatchObject({ '@type': 'NewsArticle', headline: title });
  return { doc, data };
}

describe('an export is safe whatever the story and the settings hold', () => {
  it.each(XSS_PAYLOADS.map((payload) => [payload]))('keeps %j as text in every field, in both image modes', (payload) => {
    for (const mode of ['copy', 'embed'] as const) {
      const { doc, data } = expectInert(hostileStory(payload), hostileSettings(payload, mode));
      const expected = oneLine(payload);
      if (expected) {
        expect(doc.querySelector('.cd-story__section')!.textContent).toBe(expected);
        expect(doc.querySelector('.cd-story__byline')!.textContent).toBe(expected);
        expect(doc.querySelector('.cd-story__body p')!.textContent).toBe(payload.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
        expect(data).toMatchObject({ author: { '@type': 'Person', name: expected }, keywords: [expected, `${expected} 2`], publisher: { name: expected } });
      }
      expect(doc.querySelector('img')!.getAttribute('alt')).toBe(expected);
      expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    }
  });

  it('drops links to javascript:, data: and other schemes but keeps their text', () => {
    const hrefs = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/'];
    const body: BodyNode = {
      type: 'doc',
      content: hrefs.map((href) => ({ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] }] })),
    };
    const html = renderBody(body);
    expect(html).not.toMatch(/<a/);
    expect(html.match(/click/g)).toHaveLength(hrefs.length);
  });

  it('drops nodes, marks and attributes a hand-edited story file adds, and keeps their words', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { style: 'color:red', onclick: 'alert(1)' }, content: [{ type: 'text', text: 'kept', marks: [{ type: 'bold', attrs: { onmouseover: 'x' } }] }] },
        { type: 'iframe', attrs: { src: 'https://evil.example' } },
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'heading', attrs: { level: 1, id: 'x' }, content: [{ type: 'text', text: 'A heading' }] },
      ],
    } as BodyNode;
    const html = renderBody(body);
    expect(findExecutableContent(`<!DOCTYPE html><html><body>${html}</body></html>`)).toEqual([]);
    expect(html).toContain('<strong>kept</strong>');
    expect(html).not.toContain('iframe');
    expect(html).toContain('<h2>A heading</h2>');
  });

  it('still publishes the words of a body that breaks the schema', () => {
    const body = { type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'listItem', content: [] }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Still here' }] }] } as BodyNode;
    expect(renderBody(body)).toContain('Still here');
  });

  it('random stories, bodies and settings never export anything that runs, and always parse', () => {
    fc.assert(
      fc.property(arbitraryStory, arbitrarySettings, (story, settings) => {
        expectInert(story, settings);
        expect(exporter.document(story, settings)).toBe(exporter.document(story, settings));
      }),
      { numRuns: 300 },
    );
  });
});

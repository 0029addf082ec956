import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import type { BodyNode, Story } from '../story.js';
import { createBodyRenderer } from './renderStoryBody.js';
import { renderStoryDocument } from './renderStoryDocument.js';

const renderBody = createBodyRenderer(new Window().document);
const image = { id: `${'b'.repeat(64)}.png`, mimeType: 'image/png' as const, width: 1200, height: 800, bytes: 5000 };

function story(overrides: Partial<Story> = {}): Story {
  return {
    schemaVersion: 1,
    id: 'story-1',
    revision: 3,
    createdAt: '2026-05-20T09:00:00.000Z',
    updatedAt: '2026-05-21T10:30:00.000Z',
    ...sampleStoryFields(image),
    ...overrides,
  };
}
const render = (s: Story) => renderStoryDocument(s, renderBody(s.body), s.image ? { src: 'lead.png', width: s.image.width, height: s.image.height } : null);
const parse = (html: string) => {
  const window = new Window();
  window.document.write(html);
  return window.document;
};

describe('the standalone HTML document', () => {
  it('puts each field in its own element of the article', () => {
    const doc = parse(render(story()));
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('title')!.textContent).toBe('Japan-North Korea Negotiations to Resume');
    expect(doc.querySelector('article .cd-story__section')!.textContent).toBe('Tokyo Report');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('article h1')!.textContent).toBe('Japan-North Korea Negotiations to Resume');
    expect(doc.querySelector('article .cd-story__dek')!.textContent).toBe(sampleStoryFields().dek);
    expect(doc.querySelector('article .cd-story__byline')!.textContent).toBe('Ankit Panda');
    const img = doc.querySelector('article figure img')!;
    expect([img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([
      'lead.png', sampleStoryFields().imageAlt, '1200', '800',
    ]);
    expect(doc.querySelector('figcaption .cd-story__caption')!.textContent).toBe('The flags of Japan and North Korea.');
    expect(doc.querySelector('figcaption .cd-story__credit')!.textContent).toBe('Credit: Japan-North Korea Flags via Shutterstock');
  });

  it('keeps the body formatting: subheads, bold, italic, links, lists and quotes', () => {
    const body = parse(render(story())).querySelector('.cd-story__body')!;
    expect(body.querySelector('h2')!.textContent).toBe('Neither side overly conciliatory');
    expect(body.querySelector('h3')!.textContent).toBe('What each side holds');
    expect(body.querySelector('strong')!.textContent).toBe('“imminent signs”');
    expect(body.querySelector('a[href="https://www.japantimes.co.jp/"] em, em a[href="https://www.japantimes.co.jp/"]')).not.toBeNull();
    expect(body.querySelectorAll('ul > li')).toHaveLength(2);
    expect(body.querySelectorAll('ol > li')).toHaveLength(2);
    expect(body.querySelector('blockquote p')!.textContent).toMatch(/^Observers should not expect/);
  });

  it('keeps curly quotes and apostrophes byte for byte', () => {
    const html = render(story());
    expect(html).toContain('“imminent signs”');
    expect(html).toContain('North Korea’s nuclear program');
  });

  it('is byte-identical for the same story', () => {
    expect(render(story())).toBe(render(story()));
  });

  it('leaves out the figure when there is no image, and the dek and byline when empty', () => {
    const doc = parse(render(story({ image: null, dek: '', byline: '  ' })));
    expect(doc.querySelector('figure')).toBeNull();
    expect(doc.querySelector('.cd-story__dek')).toBeNull();
    expect(doc.querySelector('.cd-story__byline')).toBeNull();
    expect(doc.querySelector('meta[name="description"]')).toBeNull();
  });

  it('titles an untitled story "Untitled"', () => {
    expect(parse(render(story({ headline: '' }))).querySelector('title')!.textContent).toBe('Untitled');
  });
});

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)></iframe>",
  '</title><script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<style>body{background:url(javascript:alert(1))}</style>',
];

function executableContent(html: string): string[] {
  const doc = parse(html);
  const found: string[] = [];
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'base', 'form', 'frame'].includes(tag)) found.push(`<${tag}>`);
    for (const attribute of element.getAttributeNames()) {
      const value = element.getAttribute(attribute) ?? '';
      if (/^on/i.test(attribute) || attribute === 'style' || attribute === 'srcdoc') found.push(`${tag}[${attribute}]`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(attribute) && /^\s*(javascript|data|vbscript):/i.test(value)) {
        found.push(`${tag}[${attribute}=${value}]`);
      }
    }
  }
  return found;
}

describe('an export is safe whatever the story holds', () => {
  it.each(PAYLOADS)('escapes %s in every field and keeps it as text', (payload) => {
    const hostile = story({
      section: payload,
      headline: payload,
      dek: payload,
      byline: payload,
      imageCredit: payload,
      imageCaption: payload,
      imageAlt: payload,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }] },
    });
    const html = render(hostile);
    expect(executableContent(html)).toEqual([]);
    const doc = parse(html);
    expect(doc.querySelector('h1')!.textContent).toBe(payload);
    expect(doc.querySelector('title')!.textContent).toBe(payload);
    expect(doc.querySelector('.cd-story__body p')!.textContent).toBe(payload);
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

  it('drops nodes, marks and attributes a hand-edited story file adds', () => {
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
    expect(executableContent(`<!DOCTYPE html><html><body>${html}</body></html>`)).toEqual([]);
    expect(html).toContain('<strong>kept</strong>');
    expect(html).not.toContain('iframe');
    expect(html).toContain('<h2>A heading</h2>');
  });

  it('still publishes the words of a body that breaks the schema', () => {
    const body = { type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'listItem', content: [] }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Still here' }] }] } as BodyNode;
    expect(renderBody(body)).toContain('Still here');
  });
});

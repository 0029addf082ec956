import { describe, expect, it } from 'vitest';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../exportSettings.js';
import { createStoryExporter } from './createStoryExporter.js';
import { makeStory, SAMPLE_IMAGE } from './testing/makeStory.js';
import { parseHtml } from './testing/parseHtml.js';

const STYLESHEET = '.cd-story { max-width: 40rem; }';
const exporter = createStoryExporter({ stylesheet: STYLESHEET });
const PUBLISHED: ExportSettings = {
  ...DEFAULT_EXPORT_SETTINGS,
  publicationName: 'The Diplomat',
  baseUrl: 'https://thediplomat.example/stories',
  timeZone: 'Asia/Tokyo',
};
const DATA_URI = 'data:image/png;base64,iVBORw0KGgo=';

const render = (story = makeStory(), settings = DEFAULT_EXPORT_SETTINGS) => exporter.document(story, settings);
const metaContent = (doc: ReturnType<typeof parseHtml>, key: string) =>
  [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((element) => element.getAttribute('content'));
const jsonLd = (doc: ReturnType<typeof parseHtml>) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;

describe('the standalone HTML document', () => {
  it('puts each field in its own element of the article', () => {
    const doc = parseHtml(render());
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('title')!.textContent).toBe('Japan-North Korea Negotiations to Resume');
    expect(doc.querySelector('article .cd-story__section')!.textContent).toBe('Tokyo Report');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('article header h1')!.textContent).toBe('Japan-North Korea Negotiations to Resume');
    expect(doc.querySelector('article header .cd-story__dek')!.textContent).toBe(sampleStoryFields().dek);
    expect(doc.querySelector('article header .cd-story__byline')!.textContent).toBe('Ankit Panda');
    const img = doc.querySelector('article figure img')!;
    expect([img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([
      'japan-north-korea-negotiations-to-resume.png', sampleStoryFields().imageAlt, '1200', '800',
    ]);
    expect(doc.querySelector('figcaption .cd-story__caption')!.textContent).toBe('The flags of Japan and North Korea.');
    expect(doc.querySelector('figcaption .cd-story__credit')!.textContent).toBe('Credit: Japan-North Korea Flags via Shutterstock');
  });

  it('keeps the body formatting: subheads, bold, italic, links, lists and quotes', () => {
    const body = parseHtml(render()).querySelector('.cd-story__body')!;
    expect(body.querySelector('h2')!.textContent).toBe('Neither side overly conciliatory');
    expect(body.querySelector('h3')!.textContent).toBe('What each side holds');
    expect(body.querySelector('strong')!.textContent).toBe('“imminent signs”');
    expect(body.querySelector('a[href="https://www.japantimes.co.jp/"] em, em a[href="https://www.japantimes.co.jp/"]')).not.toBeNull();
    expect(body.querySelectorAll('ul > li')).toHaveLength(2);
    expect(body.querySelectorAll('ol > li')).toHaveLength(2);
    expect(body.querySelector('blockquote p')!.textContent).toMatch(/^Observers should not expect/);
  });

  it('keeps curly quotes and apostrophes byte for byte', () => {
    const html = render();
    expect(html).toContain('“imminent signs”');
    expect(html).toContain('North Korea’s nuclear program');
  });

  it('is byte-identical for the same story and settings', () => {
    expect(render(makeStory(), PUBLISHED)).toBe(render(makeStory(), PUBLISHED));
    expect(exporter.fragment(makeStory(), PUBLISHED)).toBe(exporter.fragment(makeStory(), PUBLISHED));
  });

  it('leaves out the figure when there is no image, and the dek and byline when empty', () => {
    const doc = parseHtml(render(makeStory({ image: null, dek: '', byline: '  ' })));
    expect(doc.querySelector('figure')).toBeNull();
    expect(doc.querySelector('.cd-story__dek')).toBeNull();
    expect(doc.querySelector('.cd-story__byline')).toBeNull();
    expect(doc.querySelector('meta[name="description"]')).toBeNull();
    expect(metaContent(doc, 'twitter:card')).toEqual(['summary']);
  });

  it('titles an untitled story "Untitled"', () => {
    expect(parseHtml(render(makeStory({ headline: '' }))).querySelector('title')!.textContent).toBe('Untitled');
  });
});

describe('metadata for search engines and social cards', () => {
  it('gives the canonical URL, Open Graph and Twitter card from the story and the settings', () => {
    const doc = parseHtml(render(makeStory(), PUBLISHED));
    const url = 'https://thediplomat.example/stories/japan-north-korea-negotiations-to-resume/';
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(url);
    expect(metaContent(doc, 'description')).toEqual([sampleStoryFields().dek]);
    expect(metaContent(doc, 'og:type')).toEqual(['article']);
    expect(metaContent(doc, 'og:title')).toEqual(['Japan-North Korea Negotiations to Resume']);
    expect(metaContent(doc, 'og:description')).toEqual([sampleStoryFields().dek]);
    expect(metaContent(doc, 'og:url')).toEqual([url]);
    expect(metaContent(doc, 'og:site_name')).toEqual(['The Diplomat']);
    expect(metaContent(doc, 'og:image')).toEqual([`${url}japan-north-korea-negotiations-to-resume.png`]);
    expect([...metaContent(doc, 'og:image:width'), ...metaContent(doc, 'og:image:height')]).toEqual(['1200', '800']);
    expect(metaContent(doc, 'article:section')).toEqual(['Tokyo Report']);
    expect(metaContent(doc, 'article:published_time')).toEqual(['2026-05-20T18:00:00+09:00']);
    expect(metaContent(doc, 'article:modified_time')).toEqual(['2026-05-21T19:30:00+09:00']);
    expect(metaContent(doc, 'article:author')).toEqual(['Ankit Panda']);
    expect(metaContent(doc, 'article:tag')).toEqual(['Japan', 'North Korea', 'Diplomacy']);
    expect(metaContent(doc, 'twitter:card')).toEqual(['summary_large_image']);
    expect(metaContent(doc, 'twitter:image')).toEqual([`${url}japan-north-korea-negotiations-to-resume.png`]);
  });

  it('describes the story as a schema.org NewsArticle in JSON-LD', () => {
    const url = 'https://thediplomat.example/stories/japan-north-korea-negotiations-to-resume/';
    expect(jsonLd(parseHtml(render(makeStory(), PUBLISHED)))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Japan-North Korea Negotiations to Resume',
      description: sampleStoryFields().dek,
      url,
      mainEntityOfPage: url,
      articleSection: 'Tokyo Report',
      author: { '@type': 'Person', name: 'Ankit Panda' },
      datePublished: '2026-05-20T18:00:00+09:00',
      dateModified: '2026-05-21T19:30:00+09:00',
      image: {
        '@type': 'ImageObject',
        url: `${url}japan-north-korea-negotiations-to-resume.png`,
        caption: 'The flags of Japan and North Korea.',
        creditText: 'Japan-North Korea Flags via Shutterstock',
        width: 1200,
        height: 800,
      },
      wordCount: 109,
      keywords: ['Japan', 'North Korea', 'Diplomacy'],
      publisher: { '@type': 'Organization', name: 'The Diplomat', url: 'https://thediplomat.example/' },
      inLanguage: 'en',
    });
  });

  it('shows the publication date in the settings’ time zone and language, with the offset in datetime', () => {
    const time = parseHtml(render(makeStory(), { ...PUBLISHED, language: 'ja' })).querySelector('header time.cd-story__date')!;
    expect(time.getAttribute('datetime')).toBe('2026-05-20T18:00:00+09:00');
    expect(time.textContent).toBe('2026年5月20日');
    const utc = parseHtml(render(makeStory({ publishedAt: '2026-05-20T23:30:00.000Z' }))).querySelector('time')!;
    expect([utc.getAttribute('datetime'), utc.textContent]).toEqual(['2026-05-20T23:30:00+00:00', 'May 20, 2026']);
  });

  it('dates an unpublished story by its last edit', () => {
    const doc = parseHtml(render(makeStory({ publishedAt: null }), PUBLISHED));
    expect(metaContent(doc, 'article:published_time')).toEqual(['2026-05-21T19:30:00+09:00']);
    expect(jsonLd(doc).datePublished).toBe('2026-05-21T19:30:00+09:00');
  });

  it('publishes under the story’s own slug when it has one, made URL-safe', () => {
    const doc = parseHtml(render(makeStory({ slug: 'Japan Talks/../2026' }), PUBLISHED));
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://thediplomat.example/stories/japan-talks-2026/');
    expect(doc.querySelector('img')!.getAttribute('src')).toBe('japan-talks-2026.png');
  });

  it('without a base URL has no canonical link and points og:image at the file beside the HTML', () => {
    const doc = parseHtml(render(makeStory(), { ...PUBLISHED, baseUrl: '' }));
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(metaContent(doc, 'og:url')).toEqual([]);
    expect(metaContent(doc, 'og:image')).toEqual(['japan-north-korea-negotiations-to-resume.png']);
    expect(jsonLd(doc).url).toBeUndefined();
  });

  it('lists each tag once, trimmed, and leaves out empty ones', () => {
    const doc = parseHtml(render(makeStory({ tags: [' Japan ', '', 'Japan', 'Sweden\ntalks'] })));
    expect(metaContent(doc, 'article:tag')).toEqual(['Japan', 'Sweden talks']);
    expect(jsonLd(doc).keywords).toEqual(['Japan', 'Sweden talks']);
  });
});

describe('export settings shape the document', () => {
  it('embeds the image as a data URI in embed mode and then points no card at a file that is not exported', () => {
    const doc = parseHtml(exporter.document(makeStory(), { ...PUBLISHED, imageMode: 'embed' }, { dataUri: DATA_URI }));
    expect(doc.querySelector('img')!.getAttribute('src')).toBe(DATA_URI);
    expect(metaContent(doc, 'og:image')).toEqual([]);
    expect(metaContent(doc, 'twitter:card')).toEqual(['summary']);
    expect(jsonLd(doc).image).toEqual({ '@type': 'ImageObject', caption: 'The flags of Japan and North Korea.', creditText: 'Japan-North Korea Flags via Shutterstock', width: 1200, height: 800 });
  });

  it('ignores an image "data URI" that is not an image', () => {
    const html = exporter.document(makeStory(), { ...PUBLISHED, imageMode: 'embed' }, { dataUri: 'data:text/html;base64,PHNjcmlwdD4=' });
    expect(parseHtml(html).querySelector('img')!.getAttribute('src')).toBe('japan-north-korea-negotiations-to-resume.png');
  });

  it('inlines the stylesheet in the head when it is on, and leaves it out when it is off', () => {
    expect(parseHtml(render()).querySelector('head style')!.textContent.trim()).toBe(STYLESHEET);
    expect(render(makeStory(), { ...DEFAULT_EXPORT_SETTINGS, stylesheet: false })).not.toContain('<style');
  });

  it('sets the language from the settings on html and article', () => {
    const doc = parseHtml(render(makeStory(), { ...DEFAULT_EXPORT_SETTINGS, language: 'en-GB' }));
    expect([doc.documentElement.getAttribute('lang'), doc.querySelector('article')!.getAttribute('lang'), jsonLd(doc).inLanguage]).toEqual(['en-GB', 'en-GB', 'en-GB']);
  });

  it('marks a story written right to left with dir="rtl", and no other', () => {
    const arabic = parseHtml(render(makeStory({ headline: 'استئناف المفاوضات بين اليابان وكوريا الشمالية', section: 'Tokyo' })));
    expect([arabic.documentElement.getAttribute('dir'), arabic.querySelector('article')!.getAttribute('dir')]).toEqual(['rtl', 'rtl']);
    const hebrew = parseHtml(render(makeStory({ headline: '2026: חידוש המשא ומתן' })));
    expect(hebrew.documentElement.getAttribute('dir')).toBe('rtl');
    const english = parseHtml(render(makeStory({ headline: 'Talks resume', dek: 'مفاوضات' })));
    expect([english.documentElement.hasAttribute('dir'), english.querySelector('article')!.hasAttribute('dir')]).toEqual([false, false]);
  });
});

describe('the CMS fragment', () => {
  it('is the document’s article alone, byte for byte, with no inline style', () => {
    const story = makeStory();
    const fragment = exporter.fragment(story, PUBLISHED);
    const document = exporter.document(story, PUBLISHED);
    expect(fragment.startsWith('<article class="cd-story" lang="en">')).toBe(true);
    expect(fragment.trimEnd().endsWith('</article>')).toBe(true);
    expect(document).toContain(fragment);
    expect(fragment).not.toMatch(/<(html|head|body|meta|script|style|link)\b|\sstyle=/);
  });

  it('uses only the documented class names', () => {
    const classes = new Set<string>();
    for (const element of parseHtml(exporter.fragment(makeStory(), PUBLISHED)).querySelectorAll('[class]')) {
      for (const name of element.getAttribute('class')!.split(/\s+/)) classes.add(name);
    }
    expect([...classes].sort()).toEqual([
      'cd-story', 'cd-story__body', 'cd-story__byline', 'cd-story__caption', 'cd-story__credit', 'cd-story__credit-label',
      'cd-story__date', 'cd-story__dek', 'cd-story__figcaption', 'cd-story__figure', 'cd-story__header', 'cd-story__headline',
      'cd-story__image', 'cd-story__section',
    ]);
  });

  it('points the image at the file beside it, or embeds it when the settings say so', () => {
    expect(parseHtml(exporter.fragment(makeStory(), PUBLISHED)).querySelector('img')!.getAttribute('src')).toBe('japan-north-korea-negotiations-to-resume.png');
    const embedded = exporter.fragment(makeStory({ image: SAMPLE_IMAGE }), { ...PUBLISHED, imageMode: 'embed' }, { dataUri: DATA_URI });
    expect(parseHtml(embedded).querySelector('img')!.getAttribute('src')).toBe(DATA_URI);
  });
});

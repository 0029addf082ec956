import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS } from '../exportSettings.js';
import type { BodyNode } from '../story.js';
import { detectLanguage } from '../storyLanguage.js';
import { createStoryExporter } from './createStoryExporter.js';
import { makeStory } from './testing/makeStory.js';
import { parseHtml } from './testing/parseHtml.js';

const exporter = createStoryExporter({ stylesheet: '' });
const body = (...paragraphs: string[]): BodyNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const JAPANESE = makeStory({ headline: '東京で日朝会談へ', dek: '', body: body('政府は月曜日、交渉を再開すると発表した。') });
const ARABIC = makeStory({ headline: 'استئناف المحادثات في القاهرة', dek: '', body: body('أعلنت الحكومة يوم الاثنين استئناف المفاوضات.') });
const jsonLd = (html: string) => JSON.parse(parseHtml(html).querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
const attrs = (html: string) => {
  const doc = parseHtml(html);
  const article = doc.querySelector('article')!;
  return {
    html: [doc.documentElement.getAttribute('lang'), doc.documentElement.getAttribute('dir')],
    article: [article.getAttribute('lang'), article.getAttribute('dir')],
    locale: doc.querySelector('meta[property="og:locale"]')?.getAttribute('content'),
    inLanguage: jsonLd(html).inLanguage,
    date: doc.querySelector('.cd-story__date')!.textContent,
  };
};

describe('a story’s language in its exports', () => {
  it.each([
    ['ja', '東京で会議が開かれた'],
    ['zh', '北京举行中美会谈'],
    ['ko', '서울에서 정상회담이 열렸다'],
    ['ar', 'استئناف المحادثات في القاهرة'],
    ['fa', 'گفت‌وگوها در تهران از سر گرفته می‌شود'],
    ['he', 'השיחות יתחדשו בירושלים'],
    ['ru', 'Переговоры возобновятся в Москве'],
    ['el', 'Οι συνομιλίες θα ξαναρχίσουν στην Αθήνα'],
    ['th', 'การเจรจาจะเริ่มขึ้นอีกครั้ง'],
    [null, 'Talks to resume in Tokyo'],
  ])('detects %s from the script of the text', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('puts a Japanese story in an English library in Japanese: lang, og:locale, inLanguage and the reader’s date', () => {
    expect(attrs(exporter.document(JAPANESE, DEFAULT_EXPORT_SETTINGS))).toStrictEqual({
      html: ['ja', null],
      article: ['ja', null],
      locale: 'ja_JP',
      inLanguage: 'ja',
      date: '2026年5月20日',
    });
  });

  it('gives an Arabic story lang="ar" and dir="rtl"', () => {
    const found = attrs(exporter.document(ARABIC, DEFAULT_EXPORT_SETTINGS));
    expect(found).toMatchObject({ html: ['ar', 'rtl'], article: ['ar', 'rtl'], locale: 'ar_EG', inLanguage: 'ar' });
    expect(found.date).not.toBe('May 20, 2026');
  });

  it('keeps the library’s more precise tag for the language it detects, and its default for Latin text', () => {
    expect(attrs(exporter.document(ARABIC, { ...DEFAULT_EXPORT_SETTINGS, language: 'ar-MA' })).html).toStrictEqual(['ar-MA', 'rtl']);
    expect(attrs(exporter.document(makeStory(), { ...DEFAULT_EXPORT_SETTINGS, language: 'en-GB' })).locale).toBe('en_GB');
  });

  it('uses the language the writer chose, and the library’s for a story written before stories had one', () => {
    expect(attrs(exporter.document({ ...JAPANESE, language: 'en' }, DEFAULT_EXPORT_SETTINGS)).html).toStrictEqual(['en', null]);
    expect(attrs(exporter.document({ ...JAPANESE, language: 'library' }, DEFAULT_EXPORT_SETTINGS)).html).toStrictEqual(['en', null]);
    expect(attrs(exporter.document({ ...ARABIC, language: 'library' }, DEFAULT_EXPORT_SETTINGS)).html).toStrictEqual(['en', 'rtl']);
  });

  it('counts words by the story’s language: Thai by dictionary, Japanese by character', () => {
    const thai = makeStory({ headline: 'ข่าว', dek: '', body: body('การเจรจาจะเริ่มขึ้นอีกครั้ง') });
    expect(jsonLd(exporter.document(thai, DEFAULT_EXPORT_SETTINGS)).wordCount).toBeGreaterThan(2);
    expect(jsonLd(exporter.document(JAPANESE, DEFAULT_EXPORT_SETTINGS)).wordCount).toBe(18);
  });
});

describe('the Dateline', () => {
  it('comes before the first paragraph’s text in its own element, and in the JSON-LD', () => {
    const story = makeStory({ dateline: 'TOKYO <b>—</b>' });
    const html = exporter.document(story, DEFAULT_EXPORT_SETTINGS);
    const doc = parseHtml(html);
    const first = doc.querySelector('.cd-story__body > p')!;
    expect(first.firstElementChild!.className).toBe('cd-story__dateline');
    expect(first.firstElementChild!.textContent).toBe('TOKYO <b>—</b>');
    expect(first.textContent!.startsWith('TOKYO <b>—</b> The prospect of government talks')).toBe(true);
    expect(doc.querySelectorAll('.cd-story__dateline')).toHaveLength(1);
    expect(jsonLd(html).dateline).toBe('TOKYO <b>—</b>');
    expect(exporter.fragment(story, DEFAULT_EXPORT_SETTINGS)).toContain('<p><span class="cd-story__dateline">TOKYO &lt;b&gt;—&lt;/b&gt;</span> The prospect');
  });

  it('skips a heading and empty paragraphs to reach the first text, and stands alone when there is none', () => {
    const story = makeStory({
      dateline: 'CAIRO —',
      body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Sub' }] }, { type: 'paragraph' }, ...body('Text.').content!] },
    });
    expect(exporter.fragment(story, DEFAULT_EXPORT_SETTINGS)).toContain('<h2>Sub</h2><p><span class="cd-story__dateline">CAIRO —</span> Text.</p>');
    expect(exporter.fragment(makeStory({ dateline: 'CAIRO —', body: { type: 'doc', content: [{ type: 'paragraph' }] } }), DEFAULT_EXPORT_SETTINGS)).toContain(
      '<div class="cd-story__body"><p><span class="cd-story__dateline">CAIRO —</span></p>',
    );
  });

  it('is left out everywhere when empty', () => {
    const html = exporter.document(makeStory(), DEFAULT_EXPORT_SETTINGS);
    expect(html).not.toContain('cd-story__dateline');
    expect(jsonLd(html)).not.toHaveProperty('dateline');
  });
});

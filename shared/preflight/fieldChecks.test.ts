import { describe, expect, it } from 'vitest';
import { emptyStoryFields, type StoryFields } from '../story.js';
import { checkFields, checkFieldText } from './fieldChecks.js';

const image = { id: `${'a'.repeat(64)}.png`, mimeType: 'image/png' as const, width: 10, height: 10, bytes: 100 };
const limits = { headlineLimit: 70, dekLimit: 160 };
const story = (fields: Partial<StoryFields>): StoryFields => ({ ...emptyStoryFields(), headline: 'Rates held', section: 'Business', byline: 'Ken Sato', ...fields });
const ids = (fields: Partial<StoryFields>) => checkFields(story(fields), limits).map((finding) => finding.id);

describe('required fields', () => {
  it('finds a blank headline, section and byline, pointing at each field', () => {
    expect(checkFields(story({ headline: ' ', section: '', byline: '\n' }), limits)).toEqual([
      { id: 'headline-missing', reason: 'The story has no headline.', location: { field: 'headline' } },
      { id: 'section-missing', reason: 'The story has no section.', location: { field: 'section' } },
      { id: 'byline-missing', reason: 'The story has no byline.', location: { field: 'byline' } },
    ]);
  });

  it('passes a story with all three', () => {
    expect(ids({})).toEqual([]);
  });
});

describe('lengths', () => {
  it('holds the headline to the library’s limit and warns past about 60 characters for search', () => {
    expect(ids({ headline: 'x'.repeat(60) })).toEqual([]);
    expect(ids({ headline: 'x'.repeat(61) })).toEqual(['headline-seo-length']);
    expect(ids({ headline: 'x'.repeat(71) })).toEqual(['headline-too-long', 'headline-seo-length']);
    expect(checkFields(story({ headline: 'x'.repeat(71) }), limits)[0]!.reason).toBe('The headline is 71 characters; the library’s limit is 70.');
  });

  it('counts characters as readers do: one per kanji or emoji', () => {
    expect(ids({ headline: '日本と北朝鮮の交渉が再開へ'.repeat(4) })).toEqual([]);
    expect(ids({ headline: '😀'.repeat(60) })).toEqual([]);
  });

  it('holds the dek to the library’s limit', () => {
    expect(ids({ dek: 'y'.repeat(160) })).toEqual([]);
    expect(checkFields(story({ dek: 'y'.repeat(161) }), limits)).toEqual([{ id: 'dek-too-long', reason: 'The dek is 161 characters; the library’s limit is 160.', location: { field: 'dek' } }]);
  });
});

describe('the lead image', () => {
  it('needs alt text, a credit and a caption', () => {
    expect(ids({ image })).toEqual(['image-alt-missing', 'image-credit-missing', 'caption-missing']);
    expect(checkFields(story({ image }), limits)[0]!.location).toEqual({ field: 'imageAlt' });
    expect(ids({ image, imageAlt: 'Two flags', imageCredit: 'Shutterstock', imageCaption: 'Flags in Tokyo.' })).toEqual([]);
  });

  it('asks nothing of a story without one', () => {
    expect(ids({ image: null })).toEqual([]);
  });
});

describe('text in the fields', () => {
  it('finds placeholders, repeated words and straight quotes in the headline, dek, caption and the rest', () => {
    const found = checkFieldText(story({ headline: 'TK dead in the the storm', dek: `Officials say it's "bad"`, imageCaption: 'Photo [link]' }));
    expect(found.map((finding) => [finding.id, finding.location])).toEqual([
      ['placeholder-text', { field: 'headline' }],
      ['repeated-words', { field: 'headline' }],
      ['straight-quotes', { field: 'dek' }],
      ['placeholder-text', { field: 'imageCaption' }],
    ]);
    expect(found[2]!.reason).toBe('The dek has 3 straight quotes instead of curly ones.');
  });

  it('passes curly quotes, ’90s, and Japanese and Arabic headlines', () => {
    expect(checkFieldText(story({ headline: '“Back to the ’90s,” says mayor', dek: '日本と北朝鮮の交渉が再開へ', byline: 'مراسل الشؤون الخارجية' }))).toEqual([]);
  });
});

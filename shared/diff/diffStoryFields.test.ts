import { describe, expect, it } from 'vitest';
import { makeStory } from '../export/testing/makeStory.js';
import { diffStoryFields } from './diffStoryFields.js';

describe('a field-by-field diff of two versions of a story', () => {
  it('lists every field in the editor’s order and marks the changed ones, with the body’s words', () => {
    const before = makeStory();
    const after = makeStory({
      headline: 'Japan-North Korea Talks Resume in Sweden',
      tags: ['Japan'],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Only this paragraph is left.' }] }] },
    });
    const diff = diffStoryFields(before, after);
    expect(diff.map((field) => field.field)).toEqual([
      'section', 'headline', 'dek', 'byline', 'dateline', 'image', 'imageCredit', 'imageCaption', 'imageAlt', 'slug', 'tags', 'publishedAt', 'language', 'body',
    ]);
    expect(diff.filter((field) => field.changed).map((field) => field.field)).toEqual(['headline', 'tags', 'body']);
    const headline = diff.find((field) => field.field === 'headline')!;
    expect(headline.words).toMatchObject({ added: 3, removed: 2 });
    expect(headline.words!.parts).toContainEqual({ kind: 'added', text: ' in Sweden' });
    expect(diff.find((field) => field.field === 'tags')).toMatchObject({ before: 'Japan, North Korea, Diplomacy', after: 'Japan' });
    const body = diff.find((field) => field.field === 'body')!;
    expect(body.words!.added).toBe(5);
    expect(body.words!.removed).toBeGreaterThan(60);
    expect(diff.find((field) => field.field === 'dek')).toMatchObject({ changed: false, words: null });
  });

  it('marks a body whose formatting alone changed as changed, with no words added or removed', () => {
    const text = (marks?: { type: string }[]) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Talks resume.', ...(marks ? { marks } : {}) }] }] });
    const body = diffStoryFields(makeStory({ body: text() }), makeStory({ body: text([{ type: 'bold' }]) })).find((field) => field.field === 'body')!;
    expect(body).toMatchObject({ changed: true, words: { added: 0, removed: 0 } });
  });
});

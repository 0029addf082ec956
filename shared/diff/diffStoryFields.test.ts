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
      'section', 'headline', 'dek', 'byline', 'dateline', 'image', 'imageCredit', 'imageCaption', 'imageAlt', 'slug', 'tags', 'publishedAt', 'language', 'body', 'suggestions',
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

  it('shows pending suggestions (a field’s proposed value, the body’s insertions and deletions) with who made them', () => {
    const by = { author: 'Ed Editor', at: '2026-12-04T10:00:00.000Z' };
    const after = makeStory({
      fieldSuggestions: { headline: { proposed: 'Talks resume in Sweden', ...by } },
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Talks ' },
              { type: 'text', text: 'finally ', marks: [{ type: 'insertion', attrs: { id: 's1', ...by } }] },
              { type: 'text', text: 'resume on Monday', marks: [{ type: 'deletion', attrs: { id: 's2', ...by } }] },
            ],
          },
        ],
      },
    });
    const suggestions = diffStoryFields(makeStory(), after).find((field) => field.field === 'suggestions')!;
    expect(suggestions).toMatchObject({ label: 'Suggested edits', before: '', changed: true });
    expect(suggestions.after).toBe('Headline: “Talks resume in Sweden” (Ed Editor)\nInsert “finally ” (Ed Editor)\nDelete “resume on Monday” (Ed Editor)');
  });
});

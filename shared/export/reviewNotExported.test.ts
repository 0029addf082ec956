import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS } from '../exportSettings.js';
import { StorySchema, type BodyNode } from '../story.js';
import { parseStoryFast } from '../storyFastPath.js';
import { createStoryExporter } from './createStoryExporter.js';
import { storyInterchangeJson } from './storyInterchange.js';
import { makeStory } from './testing/makeStory.js';

const exporter = createStoryExporter({ stylesheet: '' });
const by = { author: 'Copy Desk', at: '2026-12-04T10:00:00.000Z' };
const text = (value: string, marks?: BodyNode['marks']): BodyNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** A story under review: a suggested insertion and deletion in the body, a comment thread, a note and a headline suggestion. */
function storyUnderReview() {
  return makeStory({
    headline: 'Council approves budget',
    notes: [{ id: 'n1', at: by.at, by: 'Desk', text: 'NOTE-SECRET check with legal' }],
    comments: [
      {
        id: 'c1',
        anchor: { quote: 'approved' },
        resolved: false,
        messages: [{ id: 'm1', author: 'Copy Desk', at: by.at, text: 'COMMENT-SECRET source?' }, { id: 'm2', author: 'Writer', at: by.at, text: 'REPLY-SECRET the clerk' }],
      },
    ],
    fieldSuggestions: { headline: { proposed: 'SUGGESTED-HEADLINE', ...by } },
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            text('The council '),
            text('approved', [{ type: 'comment', attrs: { id: 'c1' } }]),
            text(' the '),
            text('INSERTED-WORDS ', [{ type: 'insertion', attrs: { id: 1, ...by } }]),
            text('DELETED-WORDS ', [{ type: 'deletion', attrs: { id: 2, ...by } }]),
            text('budget.'),
          ],
        },
      ],
    },
  });
}

describe('what leaves Copydesk from a story under review', () => {
  const story = storyUnderReview();
  const exports: Record<string, string> = {
    'the HTML document (with its JSON-LD for a CMS)': exporter.document(story, DEFAULT_EXPORT_SETTINGS),
    'the CMS fragment': exporter.fragment(story, DEFAULT_EXPORT_SETTINGS),
  };

  for (const [name, output] of Object.entries(exports)) {
    it(`${name}: no comment, reply or note, the original text without pending suggestions`, () => {
      for (const secret of ['NOTE-SECRET', 'COMMENT-SECRET', 'REPLY-SECRET', 'INSERTED-WORDS', 'SUGGESTED-HEADLINE']) expect(output).not.toContain(secret);
      expect(output).toContain('DELETED-WORDS');
      expect(output).toContain('Council approves budget');
      expect(output).toContain('The council approved the DELETED-WORDS budget.');
      expect(output).not.toMatch(/<(ins|del)\b|data-id/);
    });
  }

  it('story.json: no comment or note, and the pending suggestions travel with the body and fields', () => {
    const json = storyInterchangeJson(story, null);
    for (const secret of ['NOTE-SECRET', 'COMMENT-SECRET', 'REPLY-SECRET']) expect(json).not.toContain(secret);
    const parsed = JSON.parse(json) as { story: Record<string, unknown> };
    expect(parsed.story).not.toHaveProperty('comments');
    expect(parsed.story.fieldSuggestions).toEqual(story.fieldSuggestions);
    expect(parsed.story.body).toEqual(story.body);
  });

  it('a story file with comments and suggestions reads back the same through zod, and the fast path leaves it to zod', () => {
    const raw = JSON.parse(JSON.stringify(story)) as unknown;
    expect(StorySchema.parse(raw)).toEqual(story);
    expect(parseStoryFast(raw)).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyText } from './bodyText.js';
import { arbitraryStory } from './export/testing/arbitraryStory.js';
import { emptyStoryFields, emptyStoryWorkflow, EMPTY_STORY_META, STORY_SCHEMA_VERSION, StorySummarySchema, type Story } from './story.js';
import { summarizeStory } from './summarizeStory.js';

const story: Story = {
  schemaVersion: STORY_SCHEMA_VERSION,
  id: 'tokyo-talks',
  revision: 3,
  createdAt: '2026-05-20T09:00:00.000Z',
  updatedAt: '2026-05-21T10:30:00.000Z',
  ...emptyStoryWorkflow(),
  status: 'editing',
  ...emptyStoryFields(),
  ...EMPTY_STORY_META,
  section: 'Tokyo Report',
  headline: 'Japan-North Korea Negotiations to Resume',
  dek: 'Despite intense rhetoric, there is space for tactical concessions.',
  byline: 'A. Writer',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Talks' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'There are no “imminent signs” of the Prime Minster’s visit.' }] },
    ],
  },
};

describe('a story’s list entry', () => {
  it('carries the list’s fields and counts the body’s words, curly quotes and all', () => {
    expect(summarizeStory(story)).toEqual({
      id: 'tokyo-talks',
      headline: 'Japan-North Korea Negotiations to Resume',
      section: 'Tokyo Report',
      byline: 'A. Writer',
      wordCount: 11,
      createdAt: '2026-05-20T09:00:00.000Z',
      updatedAt: '2026-05-21T10:30:00.000Z',
      status: 'editing',
    });
  });

  it('counts the text it is given instead of reading the body again', () => {
    expect(summarizeStory(story, 'three short words').wordCount).toBe(3);
  });

  it('is a valid summary for any story, the same whether or not the body’s text is passed in', () => {
    fc.assert(
      fc.property(arbitraryStory, (random) => {
        const summary = summarizeStory(random);
        expect(StorySummarySchema.parse(summary)).toEqual(summary);
        expect(summarizeStory(random, bodyText(random.body))).toEqual(summary);
      }),
      { numRuns: 300 },
    );
  });
});

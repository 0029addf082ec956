import { describe, expect, it } from 'vitest';
import { makeStory } from './testing/makeStory.js';
import { storyInterchangeJson } from './storyInterchange.js';

describe('story.json', () => {
  it('is versioned, names the image file beside it, and holds the whole story but the editor’s notes', () => {
    const { notes: _notes, ...story } = makeStory({ status: 'ready', statusHistory: [{ status: 'ready', at: '2026-05-21T10:00:00.000Z', by: 'Desk' }] });
    expect(JSON.parse(storyInterchangeJson({ ...story, notes: [] }, 'talks.png'))).toEqual({ format: 'copydesk-story', formatVersion: 1, imageFile: 'talks.png', story });
  });

  it('never holds an editor’s note', () => {
    const story = makeStory({ notes: [{ id: 'n1', at: '2026-05-21T10:00:00.000Z', by: 'Desk', text: 'Check the second quote with legal' }] });
    const json = storyInterchangeJson(story, null);
    expect(json).not.toContain('Check the second quote');
    expect(JSON.parse(json).story).not.toHaveProperty('notes');
  });

  it('has the same bytes whatever order the story’s keys came in, the body last', () => {
    const story = makeStory();
    const reversed = Object.fromEntries(Object.entries(story).reverse()) as typeof story;
    expect(storyInterchangeJson(reversed, null)).toBe(storyInterchangeJson(story, null));
    expect(Object.keys(JSON.parse(storyInterchangeJson(reversed, null)).story).at(-1)).toBe('body');
  });
});

import { describe, expect, it } from 'vitest';
import { makeStory } from './testing/makeStory.js';
import { storyInterchangeJson } from './storyInterchange.js';

describe('story.json', () => {
  it('is versioned, names the image file beside it, and holds the whole story', () => {
    const story = makeStory();
    expect(JSON.parse(storyInterchangeJson(story, 'talks.png'))).toEqual({ format: 'copydesk-story', formatVersion: 1, imageFile: 'talks.png', story });
  });

  it('has the same bytes whatever order the story’s keys came in, the body last', () => {
    const story = makeStory();
    const reversed = Object.fromEntries(Object.entries(story).reverse()) as typeof story;
    expect(storyInterchangeJson(reversed, null)).toBe(storyInterchangeJson(story, null));
    expect(Object.keys(JSON.parse(storyInterchangeJson(reversed, null)).story).at(-1)).toBe('body');
  });
});

import { describe, expect, it } from 'vitest';
import { formatStoryCount } from './formatStoryCount.js';

describe('formatStoryCount', () => {
  it('says one story in the singular and any other count in the plural', () => {
    expect(formatStoryCount(1)).toBe('1 story');
    expect(formatStoryCount(0)).toBe('0 stories');
    expect(formatStoryCount(12)).toBe('12 stories');
  });
});

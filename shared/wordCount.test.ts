import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './wordCount.js';

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

describe('counting words', () => {
  it('counts as a copy desk does: contractions, hyphenations and abbreviations are one word, each CJK character one', () => {
    expect(countWords('North Korea’s Punggye-ri site, says the U.S. — “imminent”…')).toBe(8);
    expect(countWords('日本と北朝鮮 talks')).toBe(7);
    expect(countWords('Café crème, 2026')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('counts plain English text the same way as any other text', () => {
    const englishish = fc.string({ unit: fc.constantFrom(...'ab Z09 \n.\'’-“”—…,\u00a0é'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(englishish, (text) => {
        expect(countWords(text)).toBe(text.match(WORD)?.length ?? 0);
      }),
      { numRuns: 5000 },
    );
  });
});

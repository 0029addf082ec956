import { describe, expect, it } from 'vitest';
import { findRepeatedWords } from './repeatedWords.js';

const found = (text: string) => findRepeatedWords(text).map((match) => text.slice(match.from, match.to));

describe('repeated words', () => {
  it('finds a word twice in a row, in any case, across line breaks', () => {
    expect(found('He crossed the the street.')).toEqual(['the the']);
    expect(found('The the market fell.')).toEqual(['The the']);
    expect(found('It was a\na fine day.')).toEqual(['a\na']);
  });

  it('leaves different words, word parts and the repetitions English means alone', () => {
    expect(found('the theatre; then then-mayor; what he had had; he said that that was fine.')).toEqual([]);
    expect(found('the ’90s and the ’80s')).toEqual([]);
  });

  it('finds repeats in Arabic and leaves Japanese, written without spaces, alone', () => {
    expect(found('قال قال الوزير')).toEqual(['قال قال']);
    expect(found('人々は東京で東京の話をした。')).toEqual([]);
  });
});

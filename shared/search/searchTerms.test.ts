import { describe, expect, it } from 'vitest';
import { foldSearchText, parseSearchQuery, searchTerms } from './searchTerms.js';

describe('search terms', () => {
  it('fold case, accents and compatibility forms, so “Café Zürich” is found by “cafe zurich”', () => {
    expect(foldSearchText('Café Zürich ﬁnal')).toBe('cafe zurich final');
    expect(searchTerms('Café Zürich')).toEqual(searchTerms('CAFE zurich'));
  });

  it('split at punctuation and drop one-letter leftovers: “North Korea’s U.S.-backed talks”', () => {
    expect(searchTerms('North Korea’s U.S.-backed talks, 2026')).toEqual(['north', 'korea', 'backed', 'talks', '2026']);
  });

  it('make each CJK character a term', () => {
    expect(searchTerms('日本と北朝鮮')).toEqual(['日', '本', 'と', '北', '朝', '鮮']);
  });

  it('read the last word of a query as a prefix while it is being typed', () => {
    expect(parseSearchQuery('north kor')).toEqual({ exact: ['north'], prefix: 'kor' });
    expect(parseSearchQuery('north korea ')).toEqual({ exact: ['north', 'korea'], prefix: null });
    expect(parseSearchQuery('Zür')).toEqual({ exact: [], prefix: 'zur' });
  });

  it('take a single letter as a prefix only when it is the whole query', () => {
    expect(parseSearchQuery('j')).toEqual({ exact: [], prefix: 'j' });
    expect(parseSearchQuery('japan a')).toEqual({ exact: ['japan'], prefix: null });
    expect(parseSearchQuery('   ')).toEqual({ exact: [], prefix: null });
  });
});

import { describe, expect, it } from 'vitest';
import { TermDictionary } from './termDictionary.js';

const LETTERS = ['a', 'b', 'k', 'z', 'é', 'ß', 'ж', '東', '京', '0', '9', '𝔸'];

function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('the term dictionary', () => {
  it('numbers terms in the order they come, finds them again, and lists those with a prefix like a scan would', () => {
    const next = random(3);
    const dictionary = new TermDictionary();
    const terms: string[] = [];
    // Enough terms to grow every array and to sort them in several times.
    for (let i = 0; i < 9_000; i += 1) {
      const term = Array.from({ length: 1 + Math.floor(next() * 6) }, () => LETTERS[Math.floor(next() * LETTERS.length)]).join('');
      const known = terms.indexOf(term);
      expect(dictionary.add(term)).toBe(known === -1 ? terms.push(term) - 1 : known);
      if (i % 1_500 === 0) dictionary.startingWith('k');
    }
    expect(dictionary.size).toBe(terms.length);
    expect(terms.every((term, id) => dictionary.find(term) === id)).toBe(true);
    expect(dictionary.find('absent term')).toBe(-1);
    for (const prefix of ['a', 'ab', 'é', 'ßж', '東', '東京', '9', '𝔸', 'zz', 'q']) {
      const expected = terms.flatMap((term, id) => (term.startsWith(prefix) ? [id] : [])).sort((a, b) => a - b);
      expect(dictionary.startingWith(prefix).sort((a, b) => a - b), prefix).toEqual(expected);
    }
    const kept = dictionary.keep([5, 2, 9]);
    expect([kept.find(terms[5]!), kept.find(terms[2]!), kept.find(terms[9]!), kept.find(terms[3]!)]).toEqual([0, 1, 2, -1]);
  });
});

import { describe, expect, it } from 'vitest';
import { findPlaceholders } from './placeholderText.js';

const found = (text: string) => findPlaceholders(text).map((match) => text.slice(match.from, match.to));

describe('placeholder text', () => {
  it('finds TK, TKTK, XX, [link] and lorem ipsum as whole words', () => {
    expect(found('The mayor said TK about the plan.')).toEqual(['TK']);
    expect(found('TKTK quote from the minister')).toEqual(['TKTK']);
    expect(found('XX people were hurt and $XXX million lost.')).toEqual(['XX', 'XXX']);
    expect(found('Read the report [link] or [LINK].')).toEqual(['[link]', '[LINK]']);
    expect(found('Lorem ipsum dolor sit amet; LOREM IPSUM again.')).toEqual(['Lorem ipsum', 'LOREM IPSUM']);
  });

  it('leaves words that only contain them alone: TKO, XXL, ATK, lower-case tk and xx', () => {
    expect(found('A TKO in the third round; an XXL shirt; the ATK team; tk and xx in a handle; TK1 and XX2 model names.')).toEqual([]);
  });

  it('finds a placeholder beside Japanese or Arabic text, where no space separates words', () => {
    expect(found('東京都知事はTKと述べた。')).toEqual(['TK']);
    expect(found('قال الوزير XX في المؤتمر')).toEqual(['XX']);
  });

  it('gives each match its place and a one-line reason', () => {
    expect(findPlaceholders('Call TK.')).toEqual([{ from: 5, to: 7, reason: 'Placeholder “TK” is still in the text.' }]);
  });
});

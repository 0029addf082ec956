import type { TextMatch } from './textMatch.js';

// Placeholders are whole words: a Latin letter, digit or underscore may not touch them, so "TKO", "XXL" and "ATK"
// pass, while "TK" beside Japanese or Arabic text is still found. "TK" and "XX" count only in capitals (the desk's
// convention, so "tk" and "xx" are left alone); "[link]" and "lorem ipsum" count in any case.
const BEFORE = '(?<![\\p{Script=Latin}\\p{N}_])';
const AFTER = '(?![\\p{Script=Latin}\\p{N}_])';
const IN_CAPITALS = new RegExp(`${BEFORE}(?:(?:TK)+|X{2,})${AFTER}`, 'gu');
const IN_ANY_CASE = new RegExp(`\\[link\\]|${BEFORE}lorem\\s+ipsum${AFTER}`, 'giu');

/** Placeholder text left in copy: "TK"/"TKTK", "XX"/"XXX", "[link]", "lorem ipsum". */
export function findPlaceholders(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  for (const pattern of [IN_CAPITALS, IN_ANY_CASE]) {
    for (const match of text.matchAll(pattern)) {
      found.push({ from: match.index, to: match.index + match[0].length, reason: `Placeholder “${match[0]}” is still in the text.` });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

import type { TextMatch } from './textMatch.js';

const REPEATED = /(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}][\p{L}\p{M}\p{N}’']*)\s+\1(?![\p{L}\p{M}\p{N}\-‐])/giu;
/** Words English repeats on purpose ("what he had had", "said that that"). */
const MEANT_TWICE = new Set(['had', 'that']);

/** The same word twice in a row ("the the"), in any case; not when the second starts a compound ("then then-mayor"). */
export function findRepeatedWords(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  for (const match of text.matchAll(REPEATED)) {
    const word = match[1]!;
    if (MEANT_TWICE.has(word.toLowerCase())) continue;
    found.push({ from: match.index, to: match.index + match[0].length, reason: `“${word}” appears twice in a row.` });
  }
  return found;
}

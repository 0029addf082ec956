import type { TextMatch } from './textMatch.js';

/** Straight quotes and apostrophes, which typeset copy replaces with curly ones (“ ” ‘ ’). */
export function findStraightQuotes(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  for (const match of text.matchAll(/["']/g)) {
    const curly = match[0] === '"' ? '“ or ”' : '’ or ‘';
    found.push({ from: match.index, to: match.index + 1, reason: `Straight quote ${match[0]} instead of ${curly}.` });
  }
  return found;
}

/** How a paragraph's double quotation marks balance, for the quotes check across paragraphs. */
export interface QuoteBalance {
  /** Closing marks with no opening one, and (for « » counted only) a difference in number. */
  problems: TextMatch[];
  /** Where the quotes still open at the end of the paragraph begin (outermost first). */
  openAtEnd: number[];
  /** The paragraph starts with an opening quote: a quotation that runs on from the paragraph before does. */
  startsWithOpening: boolean;
}

const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』' };
const CLOSERS = new Set(Object.values(PAIRS));

/**
 * Double quotation marks (“ ”, Japanese 「 」 and 『 』) that do not pair up, with nesting allowed. Single quotes are
 * left alone: ’ is also the apostrophe ("’90s", "don’t"), so they cannot be balanced reliably. A straight " pairs
 * with the next one. « » are only counted, as some languages write them »so«.
 */
export function quoteBalance(text: string): QuoteBalance {
  const problems: TextMatch[] = [];
  const open: { mark: string; at: number }[] = [];
  let straightAt = -1;
  let guillemets = 0;
  let firstGuillemet = -1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (PAIRS[char]) open.push({ mark: char, at: i });
    else if (CLOSERS.has(char)) {
      const top = open[open.length - 1];
      if (top && PAIRS[top.mark] === char) open.pop();
      else problems.push({ from: i, to: i + 1, reason: `Closing ${char} without an opening one.` });
    } else if (char === '"') straightAt = straightAt === -1 ? i : -1;
    else if (char === '«' || char === '»') {
      if (firstGuillemet === -1) firstGuillemet = i;
      guillemets += char === '«' ? 1 : -1;
    }
  }
  if (straightAt !== -1) problems.push({ from: straightAt, to: straightAt + 1, reason: 'A straight " is never closed.' });
  if (guillemets !== 0) problems.push({ from: firstGuillemet, to: firstGuillemet + 1, reason: 'The « and » marks do not pair up.' });
  return { problems, openAtEnd: open.map((entry) => entry.at), startsWithOpening: /^\s*[“「『]/u.test(text) };
}

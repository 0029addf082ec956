const MARKS = /\p{M}+/gu;
// One CJK character (those scripts do not separate words with spaces), or a run of other letters and digits.
const TERM = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
// ASCII with typographic punctuation: no letter to fold but by case.
const PLAIN = /^[\u0000-\u007f\u00a0‘’“”–—…]*$/;
const ASCII_TERM = /[a-z0-9]+/g;

/** Text folded for search: compatibility forms, case and diacritics removed ("Café" → "cafe", "ﬁ" → "fi"). */
export function foldSearchText(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFC');
}

/** Terms are at least this long, except CJK characters, which are terms on their own. */
export const MIN_TERM_LENGTH = 2;

const keep = (term: string) => term.length >= MIN_TERM_LENGTH || CJK.test(term);

/**
 * The search terms of a text: folded runs of letters and digits, split at punctuation, so "North Korea’s" gives
 * "north", "korea" (the lone "s" is too short to be a term). Used for the index and for queries alike.
 */
export function searchTerms(text: string): string[] {
  const folded = foldSearchText(text);
  if (PLAIN.test(folded)) return (folded.match(ASCII_TERM) ?? []).filter(keep);
  return (folded.match(TERM) ?? []).filter(keep);
}

export interface ParsedQuery {
  /** Terms every result must contain whole. */
  exact: string[];
  /** The last term while it is still being typed: results contain a term starting with it; null when the query ends in a space. */
  prefix: string | null;
}

/**
 * A query as typed: every term must match (AND); the last one matches as a prefix unless the query ends with a
 * space or punctuation, so results narrow as the user types. One letter alone is a prefix too.
 */
export function parseSearchQuery(query: string): ParsedQuery {
  const folded = foldSearchText(query);
  const all = folded.match(TERM) ?? [];
  const last = all.length > 0 && folded.endsWith(all.at(-1)!) ? all.pop()! : null;
  const exact = [...new Set(all.filter(keep))];
  return { exact, prefix: last !== null && (keep(last) || exact.length === 0) ? last : null };
}

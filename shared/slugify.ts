// A Latin letter with any combining marks after it: only these lose their marks (é → e, ệ → e, i̇ → i).
const LATIN_WITH_MARKS = /\p{Script=Latin}\p{M}*/gu;
// Half-width katakana (ｶﾞ) become the usual full-width letters (ガ), so both spellings give one slug.
const HALF_WIDTH_KATAKANA = /[\uff65-\uff9f]+/g;
// Tatweel stretches Arabic letters for looks; zero-width (non-)joiners steer shaping. Neither is a letter of the word.
const INVISIBLE_IN_WORDS = /[\u0640\u200c\u200d]/g;

/**
 * A URL slug from a headline: lowercase, words joined by hyphens. Text is composed (NFC) first, so every script keeps
 * its letters and their marks (で, ぱ, ئ, Hebrew points, Devanagari vowel signs); only Latin letters lose diacritics.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFC')
    .replace(HALF_WIDTH_KATAKANA, (run) => run.normalize('NFKC'))
    .toLowerCase()
    .replace(LATIN_WITH_MARKS, (letter) => (letter.length === 1 && letter.charCodeAt(0) < 0x80 ? letter : letter.normalize('NFD').replace(/\p{M}/gu, '')))
    .replace(INVISIBLE_IN_WORDS, '')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  return cut(slug, maxLength);
}

/** The first `maxLength` UTF-16 units, never cutting a letter from its marks or a surrogate pair, and no hyphen at the end. */
function cut(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  let end = maxLength;
  while (end > 0 && (isLowSurrogate(slug.charCodeAt(end)) || MARK.test(String.fromCodePoint(slug.codePointAt(end) ?? 0)))) end -= 1;
  return slug.slice(0, end).replace(/-+$/g, '');
}

const MARK = /^\p{M}$/u;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

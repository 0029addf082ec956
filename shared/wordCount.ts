const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// Plain English copy is ASCII plus a few characters (no-break space, curly quotes, dashes, ellipsis): in such text
// WORD's letters and digits are [A-Za-z0-9], and one scan of the character codes counts the words.
const OTHER = 0;
const ALNUM = 1;
/** ' ’ - . : one of them between two letters or digits joins them into one word. */
const JOINER = 2;
const NOT_PLAIN = 3;
/** The class of each character code below 0x2100 (the plain extras are below it); any code above is NOT_PLAIN. */
const CLASSES = new Uint8Array(0x2100).fill(NOT_PLAIN);
CLASSES.fill(OTHER, 0, 0x80);
for (const [from, to] of [[48, 57], [65, 90], [97, 122]] as const) CLASSES.fill(ALNUM, from, to + 1);
for (const code of [39, 45, 46, 0x2019]) CLASSES[code] = JOINER;
for (const code of [0xa0, 0x2018, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026]) CLASSES[code] = OTHER;

/** WORD's count for plain English text, ~10× faster than the regular expression; null for any other text. */
function countPlainWords(text: string): number | null {
  let words = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    const kind = code < 0x2100 ? CLASSES[code]! : NOT_PLAIN;
    if (kind === ALNUM) {
      if (!inWord) words += 1;
      inWord = true;
    } else if (kind === NOT_PLAIN) {
      return null;
    } else if (!(inWord && kind === JOINER && i + 1 < length && CLASSES[text.charCodeAt(i + 1)] === ALNUM)) {
      inWord = false;
    }
  }
  return words;
}

/** Words in a text as a copy desk counts them; each CJK character counts as one word. */
export function countWords(text: string): number {
  const plain = countPlainWords(text);
  if (plain !== null) return plain;
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = cjk ? text.replace(CJK, ' ') : text;
  return cjk + (rest.match(WORD)?.length ?? 0);
}

// Scripts written without spaces between words, where only a dictionary (ICU's, through Intl.Segmenter) finds them.
const UNSPACED_LANGUAGES = new Set(['th', 'lo', 'km', 'my']);
const segmenters = new Map<string, Intl.Segmenter>();

/** Words in a text in a given language: countWords, but Thai, Lao, Khmer and Burmese are split by dictionary. */
export function countWordsIn(text: string, language: string): number {
  const primary = language.split('-')[0]!.toLowerCase();
  if (!UNSPACED_LANGUAGES.has(primary)) return countWords(text);
  let segmenter = segmenters.get(primary);
  if (!segmenter) segmenters.set(primary, (segmenter = new Intl.Segmenter(primary, { granularity: 'word' })));
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

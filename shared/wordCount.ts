const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// Besides ASCII, the characters plain English copy has (no-break space, curly quotes, dashes, ellipsis): in such text
// WORD's letters and digits are [A-Za-z0-9], and one scan of the character codes counts the words.
const PLAIN_EXTRAS = new Set([0xa0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026]);

const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** ' ’ - . : one of them between two letters or digits joins them into one word. */
const isJoiner = (code: number) => code === 39 || code === 0x2019 || code === 45 || code === 46;

/** WORD's count for plain English text, ~10× faster than the regular expression; null for any other text. */
function countPlainWords(text: string): number | null {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f && !PLAIN_EXTRAS.has(code)) return null;
    if (isAsciiAlnum(code)) {
      if (!inWord) words += 1;
      inWord = true;
    } else if (!(inWord && isJoiner(code) && i + 1 < text.length && isAsciiAlnum(text.charCodeAt(i + 1)))) {
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

const LETTER = /\p{L}/u;
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

/** 'rtl' when the first letter of the first text that has one is Arabic, Hebrew or another right-to-left script. */
export function textDirection(...texts: string[]): 'ltr' | 'rtl' {
  for (const text of texts) {
    const letter = LETTER.exec(text);
    if (letter) return RIGHT_TO_LEFT.test(letter[0]) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

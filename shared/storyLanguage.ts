import type { StoryLanguage } from './story.js';

/** Letters of the scripts that name a language, counted to find the text's main script. */
const SCRIPTS = [
  ['latin', /\p{Script=Latin}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
] as const;
type Script = (typeof SCRIPTS)[number][0];

// Letters Persian writes and Arabic does not (پ چ ژ گ and Persian kaf/yeh), and the Arabic forms Persian replaces.
const PERSIAN = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/gu;
const ARABIC_ONLY = /[\u0643\u064a\u0629]/gu;
/** Enough letters to tell a script by; a long story is decided by its start. */
const SAMPLE = 2000;

/** The language a text's script names (ja, zh, ko, ar, fa, he, ru, el, th, hi), or null for Latin and other scripts. */
export function detectLanguage(text: string): string | null {
  const counts = new Map<Script, number>();
  let letters = 0;
  for (const letter of text.matchAll(/\p{L}/gu)) {
    const script = SCRIPTS.find(([, pattern]) => pattern.test(letter[0]))?.[0];
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
    if ((letters += 1) >= SAMPLE) break;
  }
  const count = (script: Script) => counts.get(script) ?? 0;
  const cjk = count('kana') + count('han') + count('hangul');
  let best: Script | 'cjk' = 'latin';
  let most = 0;
  for (const [script, n] of [...counts, ['cjk', cjk] as const]) {
    if (script === 'kana' || script === 'han' || script === 'hangul') continue;
    if (n > most) [best, most] = [script, n];
  }
  switch (best) {
    case 'cjk':
      return count('hangul') > count('kana') ? 'ko' : count('kana') > 0 ? 'ja' : 'zh';
    case 'arabic': {
      const persian = text.slice(0, SAMPLE * 4).match(PERSIAN)?.length ?? 0;
      return persian > (text.slice(0, SAMPLE * 4).match(ARABIC_ONLY)?.length ?? 0) ? 'fa' : 'ar';
    }
    case 'hebrew':
      return 'he';
    case 'cyrillic':
      return 'ru';
    case 'greek':
      return 'el';
    case 'thai':
      return 'th';
    case 'devanagari':
      return 'hi';
    default:
      return null;
  }
}

export interface ResolvedLanguage {
  /** The BCP 47 tag the story is published in. */
  tag: string;
  /** Where it came from: the text's script, the library's default (chosen, or nothing detected), or the writer. */
  source: 'detected' | 'library' | 'writer';
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * The language a story is published in. Detected from its headline and body unless the writer chose one; a detected
 * language the library's default already names more precisely (ar → ar-EG) is the library's default.
 */
export function resolveStoryLanguage(language: StoryLanguage, text: () => string, libraryLanguage: string): ResolvedLanguage {
  if (language === 'library') return { tag: libraryLanguage, source: 'library' };
  if (language !== 'detect') return { tag: language, source: 'writer' };
  const detected = detectLanguage(text());
  if (!detected || primary(detected) === primary(libraryLanguage)) return { tag: libraryLanguage, source: detected ? 'detected' : 'library' };
  return { tag: detected, source: 'detected' };
}

const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'samr', 'mand']);
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug', 'syr', 'arc']);

/** 'rtl' for a language written right to left (by its script subtag when it has one), else 'ltr'. */
export function languageDirection(tag: string): 'ltr' | 'rtl' {
  const script = tag.split('-').find((part, i) => i > 0 && /^[a-z]{4}$/i.test(part));
  if (script) return RTL_SCRIPTS.has(script.toLowerCase()) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(primary(tag)) ? 'rtl' : 'ltr';
}

/** Open Graph's locale (`ja_JP`): the language with its likeliest territory; null when the tag names none. */
export function openGraphLocale(tag: string): string | null {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : null;
  } catch {
    return null;
  }
}

/** The language's name in English for the publishing panel ("Japanese"), or the tag itself when unknown. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

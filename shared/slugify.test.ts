import { describe, expect, it } from 'vitest';
import { slugify } from './slugify.js';

describe('slugify keeps every script’s letters', () => {
  it.each([
    ['Japanese voiced kana (dakuten) stay whole', '東京で会議', '東京で会議'],
    ['Japanese handakuten stay whole', 'パンダがぱくぱく', 'パンダがぱくぱく'],
    ['the Japanese long vowel mark stays', 'コーヒー ニュース', 'コーヒー-ニュース'],
    ['half-width katakana become the usual full-width letters', 'ﾃﾞｰﾀ ﾆｭｰｽ', 'データ-ニュース'],
    ['decomposed kana are composed first', '\u3066\u3099\u3093\u304d', 'でんき'],
    ['Korean syllables stay whole', '서울 정상회담 열려', '서울-정상회담-열려'],
    ['decomposed Korean jamo are composed into syllables', '\u1109\u1165\u110b\u116e\u11af', '서울'],
    ['Chinese stays whole', '北京：中美会谈', '北京-中美会谈'],
    ['Arabic hamza forms keep their hamza', 'مسؤول ئ ؤ أ إ القائد', 'مسؤول-ئ-ؤ-أ-إ-القائد'],
    ['decomposed Arabic hamza forms are composed', '\u064a\u0654 \u0648\u0654 \u0627\u0654 \u0627\u0655', 'ئ-ؤ-أ-إ'],
    ['Arabic tatweel (kashida) is dropped, not made a hyphen', 'عـــربي', 'عربي'],
    ['Hebrew points (niqqud) stay with their letters', 'שָׁלוֹם עוֹלָם', 'שָׁלוֹם-עוֹלָם'],
    ['Devanagari vowel signs stay with their letters', 'नई दिल्ली में बैठक', 'नई-दिल्ली-में-बैठक'],
    ['Vietnamese loses only its Latin diacritics', 'Hà Nội đón Tết', 'ha-noi-đon-tet'],
    ['German ß stays a letter', 'Straße und Fluß', 'straße-und-fluß'],
    ['Turkish dotted capital I becomes i, dotless ı stays', 'İstanbul ılık', 'istanbul-ılık'],
    ['Latin diacritics go', 'Café déjà vu — Zürich, São Paulo', 'cafe-deja-vu-zurich-sao-paulo'],
    ['Greek and Cyrillic stay', 'Αθήνα Москва', 'αθήνα-москва'],
    ['apostrophes join, punctuation splits', 'Japan’s “big” talks!', 'japans-big-talks'],
  ])('%s', (_name, headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  it('never leaves a letter’s mark or half a surrogate pair at the cut', () => {
    expect(slugify('नई दिल्ली', 4)).toBe('नई');
    expect(slugify('नई दिल्ली', 5)).toBe('नई-दि');
    expect(slugify('野𠮷家', 2)).toBe('野');
    expect(slugify('ab-cd', 3)).toBe('ab');
  });

  it('gives an empty slug for text with no letters or digits', () => {
    expect(slugify('— ! ?')).toBe('');
  });
});

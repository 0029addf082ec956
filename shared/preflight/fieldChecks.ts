import type { LibrarySettings } from '../librarySettings.js';
import { findPlaceholders } from './placeholderText.js';
import { SEO_HEADLINE_LENGTH } from './preflightCatalog.js';
import type { PreflightField, PreflightFinding } from './preflightResult.js';
import type { PreflightStory } from './preflightStory.js';
import { findStraightQuotes } from './quotationMarks.js';
import { findRepeatedWords } from './repeatedWords.js';

const blank = (text: string) => text.trim() === '';

/** Characters as a reader counts them (one per code point, so an emoji or a rare kanji is one). */
const length = (text: string) => [...text.trim()].length;

/** Required fields, lengths and the lead image's credit, caption and alt text. */
export function checkFields(story: PreflightStory, limits: Pick<LibrarySettings, 'headlineLimit' | 'dekLimit'>): PreflightFinding[] {
  const found: PreflightFinding[] = [];
  const missing = (id: PreflightFinding['id'], field: PreflightField, reason: string) => found.push({ id, reason, location: { field } });
  if (blank(story.headline)) missing('headline-missing', 'headline', 'The story has no headline.');
  if (blank(story.section)) missing('section-missing', 'section', 'The story has no section.');
  if (blank(story.byline)) missing('byline-missing', 'byline', 'The story has no byline.');
  const headline = length(story.headline);
  if (headline > limits.headlineLimit) missing('headline-too-long', 'headline', `The headline is ${headline} characters; the library’s limit is ${limits.headlineLimit}.`);
  if (headline > SEO_HEADLINE_LENGTH) missing('headline-seo-length', 'headline', `The headline is ${headline} characters; search results show about ${SEO_HEADLINE_LENGTH}.`);
  const dek = length(story.dek);
  if (dek > limits.dekLimit) missing('dek-too-long', 'dek', `The dek is ${dek} characters; the library’s limit is ${limits.dekLimit}.`);
  if (story.image) {
    if (blank(story.imageAlt)) missing('image-alt-missing', 'imageAlt', 'The lead image has no alt text.');
    if (blank(story.imageCredit)) missing('image-credit-missing', 'imageCredit', 'The lead image has no credit.');
    if (blank(story.imageCaption)) missing('caption-missing', 'imageCaption', 'The lead image has no caption.');
  }
  return found;
}

const TEXT_FIELDS: [Exclude<PreflightField, 'section' | 'image'>, string][] = [
  ['headline', 'headline'],
  ['dek', 'dek'],
  ['byline', 'byline'],
  ['imageCaption', 'caption'],
  ['imageCredit', 'image credit'],
  ['imageAlt', 'alt text'],
];

/** Placeholders, repeated words and straight quotes in the text fields (the body has its own scan). */
export function checkFieldText(story: PreflightStory): PreflightFinding[] {
  const found: PreflightFinding[] = [];
  for (const [field, name] of TEXT_FIELDS) {
    const text = story[field];
    if (blank(text)) continue;
    const at = { field };
    for (const match of findPlaceholders(text)) found.push({ id: 'placeholder-text', reason: `In the ${name}: ${match.reason}`, location: at });
    for (const match of findRepeatedWords(text)) found.push({ id: 'repeated-words', reason: `In the ${name}: ${match.reason}`, location: at });
    const straight = findStraightQuotes(text).length;
    if (straight > 0) found.push({ id: 'straight-quotes', reason: `The ${name} has ${straight === 1 ? 'a straight quote' : `${straight} straight quotes`} instead of curly ones.`, location: at });
  }
  return found;
}

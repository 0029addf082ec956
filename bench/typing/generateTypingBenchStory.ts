import type { BodyNode, StoryEdit } from '../../shared/story.js';
import { random } from '../generateBenchStory.js';

const WORDS = (
  'the prospect of government talks between japan and north korea was raised again on monday as the foreign minister said ' +
  'that talks would be held in sweden from may to according japan times abduction citizens nuclear program expected agenda'
).split(' ');

export const TYPING_BENCH_HEADLINE = 'Typing bench: a 20,000-word story';
export const TYPING_BENCH_PARAGRAPHS = 200;

/**
 * The long story: 200 paragraphs of 100 words, an H2 before every 20th (ten), bold and italic runs inside each
 * paragraph. Every paragraph ends in plain text, so a caret put at its end types unmarked text. Deterministic.
 */
export function generateTypingBenchStory(): StoryEdit {
  const next = random(11);
  const words = (count: number) => Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');
  const content: BodyNode[] = [];
  for (let i = 0; i < TYPING_BENCH_PARAGRAPHS; i += 1) {
    if (i % 20 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Part ${i / 20 + 1}: ${words(3)}` }] });
    // 30 + 6 bold + 24 + 5 italic + 35 = 100 words.
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: `${words(30)} ` },
        { type: 'text', text: words(6), marks: [{ type: 'bold' }] },
        { type: 'text', text: ` ${words(24)} ` },
        { type: 'text', text: words(5), marks: [{ type: 'italic' }] },
        { type: 'text', text: ` ${words(35)}.` },
      ],
    });
  }
  return {
    section: '',
    headline: TYPING_BENCH_HEADLINE,
    dek: 'What typing costs in a long story.',
    byline: 'Bench',
    dateline: '',
    image: null,
    imageCredit: '',
    imageCaption: '',
    imageAlt: '',
    slug: '',
    tags: [],
    publishedAt: null,
    body: { type: 'doc', content },
  };
}

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

export const TYPING_BENCH_COMMENTS_HEADLINE = 'Typing bench: 50 open comments';
export const TYPING_BENCH_COMMENTS = 50;

/**
 * The same story with 50 open comment threads, each pinned to the bold run of every fourth paragraph (a reply in
 * every other one), as an editor's pass over a long piece leaves it.
 */
export function generateCommentedTypingBenchStory(): StoryEdit {
  const story = generateTypingBenchStory();
  const every = TYPING_BENCH_PARAGRAPHS / TYPING_BENCH_COMMENTS;
  const comments: NonNullable<StoryEdit['comments']> = [];
  let paragraph = 0;
  const content = (story.body.content ?? []).map((block) => {
    if (block.type !== 'paragraph') return block;
    const index = paragraph;
    paragraph += 1;
    if (index % every !== 0) return block;
    const id = `bench-comment-${index}`;
    const bold = block.content![1]!;
    const at = new Date(Date.UTC(2026, 11, 4, 9, 0, index)).toISOString();
    const messages = [{ id: `${id}-1`, author: 'Ed Editor', at, text: `Can we source this? (paragraph ${index + 1})` }];
    if (index % (every * 2) === 0) messages.push({ id: `${id}-2`, author: 'Wanda Writer', at, text: 'Yes: the minister’s office, on the record.' });
    comments.push({ id, anchor: { quote: bold.text ?? '' }, resolved: false, messages });
    const marked = { ...bold, marks: [...(bold.marks ?? []), { type: 'comment', attrs: { id } }] };
    return { ...block, content: [block.content![0]!, marked, ...block.content!.slice(2)] };
  });
  return { ...story, headline: TYPING_BENCH_COMMENTS_HEADLINE, body: { type: 'doc', content }, comments };
}

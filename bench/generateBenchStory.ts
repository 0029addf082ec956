import type { BodyNode, StoryEdit } from '../shared/story.js';

const WORDS = (
  'the prospect of government talks between japan and north korea was raised again on monday as the foreign minister said ' +
  'that talks would be held in sweden from may to according japan times abduction citizens nuclear program expected agenda ' +
  'countries last agreed hold high-level issues march more than year since they had met consultations neither country overly ' +
  'conciliatory fact singled out ballistic missile programs contributing factors decisions defense agreement meanwhile warning'
).split(' ');

/** A deterministic pseudo-random sequence (mulberry32), so every bench run exports the same stories. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A story of about `words` words: paragraphs with bold, italic and links, subheads, a list and a quote. */
export function generateBenchStory(index: number, words = 1000): StoryEdit {
  const next = random(index + 1);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const sentence = (length: number) => {
    const parts = Array.from({ length }, pick);
    parts[0] = parts[0]!.charAt(0).toUpperCase() + parts[0]!.slice(1);
    return `${parts.join(' ')}.`;
  };
  const content: BodyNode[] = [];
  let count = 0;
  while (count < words) {
    const kind = content.length % 9;
    if (kind === 4) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: sentence(5).slice(0, -1) }] });
      count += 5;
    } else if (kind === 7) {
      content.push({ type: 'bulletList', content: [0, 1, 2].map(() => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(8) }] }] })) });
      count += 24;
    } else if (kind === 8) {
      content.push({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: `“${sentence(15)}”` }] }] });
      count += 15;
    } else {
      content.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: `${sentence(20)} ` },
          { type: 'text', text: sentence(4), marks: [{ type: 'bold' }] },
          { type: 'text', text: ` ${sentence(12)} ` },
          { type: 'text', text: 'Japan Times', marks: [{ type: 'italic' }, { type: 'link', attrs: { href: `https://www.japantimes.co.jp/${index}` } }] },
          { type: 'text', text: ` ${sentence(20)}` },
        ],
      });
      count += 58;
    }
  }
  return {
    section: 'Tokyo Report',
    headline: `${sentence(7).slice(0, -1)} (${index})`,
    dek: sentence(14),
    byline: 'Ankit Panda',
    dateline: '',
    image: null,
    imageCredit: 'Japan-North Korea Flags via Shutterstock',
    imageCaption: 'The flags of Japan and North Korea.',
    imageAlt: 'The national flags of Japan and North Korea side by side.',
    slug: '',
    tags: ['Japan', 'North Korea'],
    publishedAt: '2026-05-20T09:00:00.000Z',
    body: { type: 'doc', content },
  };
}

import type { BodyNode, StoryEdit } from '../../story.js';
import { XSS_PAYLOADS } from './xssPayloads.js';

const text = (value: string, marks?: BodyNode['marks']): BodyNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: BodyNode[]): BodyNode => ({ type: 'paragraph', content });
const heading = (level: 2 | 3, value: string): BodyNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const item = (...content: BodyNode[]): BodyNode => ({ type: 'listItem', content });
const doc = (...content: BodyNode[]): BodyNode => ({ type: 'doc', content });

const SENTENCES = [
  'The prospect of government talks between Japan and North Korea was raised again on Monday.',
  'Each country has substantial bargaining chips that it can use in the negotiations ahead.',
  'Japan can leverage its huge investment potential, while North Korea holds the whereabouts of the abductees.',
  'Nonetheless, the chances that this next round of talks will lead to a breakthrough are limited.',
  'It is rare for the two countries to hold talks in Europe, despite North Korea’s ties with Sweden.',
  'With political attention focused on a polarizing regional issue, the timing of the meeting seems odd.',
  'Neither country regards the other as its preeminent regional threat — a quiet, tacit understanding.',
  'Observers should not expect to see much progress on issues of “strategic importance” this month.',
];

/** About 3,000 words: 125 paragraphs of 24 words, a subhead every ten paragraphs. */
function longBody(): BodyNode {
  const content: BodyNode[] = [];
  for (let i = 0; i < 125; i += 1) {
    if (i % 10 === 9) content.push(heading(i % 20 === 9 ? 2 : 3, `Part ${Math.floor(i / 10) + 1} of the negotiations`));
    content.push(paragraph(text(`${SENTENCES[i % SENTENCES.length]!} ${SENTENCES[(i * 3 + 1) % SENTENCES.length]!}`)));
  }
  return doc(...content);
}

/** Every node and mark the editor makes, nested the ways it allows. */
export const EVERY_NODE_AND_MARK: BodyNode = doc(
  paragraph(
    text('Plain, '),
    text('bold', [{ type: 'bold' }]),
    text(', '),
    text('italic', [{ type: 'italic' }]),
    text(', '),
    text('bold italic link', [{ type: 'bold' }, { type: 'italic' }, { type: 'link', attrs: { href: 'https://example.com/a?b=1&c=2' } }]),
    text(', a '),
    text('mail link', [{ type: 'link', attrs: { href: 'mailto:desk@example.com' } }]),
    text(' and a '),
    text('relative link', [{ type: 'link', attrs: { href: '../archive/2026/' } }]),
    { type: 'hardBreak' },
    text('after a line break.'),
  ),
  heading(2, 'A subhead'),
  heading(3, 'A smaller subhead'),
  { type: 'bulletList', content: [item(paragraph(text('First')), { type: 'bulletList', content: [item(paragraph(text('Nested')))] }), item(paragraph(text('Second')))] },
  { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('Third'))), item(paragraph(text('Fourth')), paragraph(text('Second paragraph of an item')))] },
  { type: 'blockquote', content: [paragraph(text('A quote, ')), { type: 'bulletList', content: [item(paragraph(text('with a list')))] }] },
);

/** Link addresses that are not valid URLs as typed: escaped on export, or dropped (their text kept) where no valid URL leads there. */
export const INVALID_URL_HREFS: readonly string[] = [
  '/news/a story',
  '/q "quoted" <b>',
  '/ニュース/記事',
  '/أخبار/مقال',
  '/100%',
  '/a%20b%zz',
  '?a=b c#frag x',
  '#a#b',
  'a\\b|c^d{e}`f[g]',
  '/a?b\\c{d}`e#f\\g{h}`i',
  '/tab\there\u0001\u0085\uFDD0',
  '/lone\uD800surrogate',
  'https://example.com/a b?q=x y|z#f g#h',
  'https://例え.jp/記事?q=ニュース#見出し',
  'HTTPS://EXAMPLE.COM',
  'https://[::1]:8080/a b',
  'https://example.com/?q=[x]%#[y]',
  "https://evil.example/'><script>alert(1)</script>",
  'mailto:desk@example.com?subject=Talks resume|now',
  'mailto:a b@example.com',
  'https://user:secret@example.com/',
  'https://exa mple.com/',
  'https://a..example/',
  `https://${'a'.repeat(64)}.example/`,
  'https://example.com:99999/',
  '/\\evil.example/',
];

export interface CorpusStory {
  name: string;
  fields: Partial<StoryEdit>;
  /** False to export it without a lead image. */
  image: boolean;
}

/** A varied set of stories every export must handle validly. */
export const EXPORT_CORPUS: readonly CorpusStory[] = [
  { name: 'reference', fields: { tags: ['Japan', 'North Korea'], publishedAt: '2026-05-20T09:00:00.000Z' }, image: true },
  { name: 'long', fields: { headline: 'A long read: three thousand words on the talks', body: longBody() }, image: true },
  { name: 'no-image', fields: { headline: 'No picture today', imageCredit: '', imageCaption: '', imageAlt: '' }, image: false },
  { name: 'every-node', fields: { headline: 'Every node and mark', body: EVERY_NODE_AND_MARK }, image: true },
  {
    name: 'japanese',
    fields: {
      section: '東京レポート',
      headline: '日本と北朝鮮の交渉再開へ',
      dek: '激しいレトリックにもかかわらず、戦術的な譲歩の余地がある。',
      byline: '山田 太郎',
      imageCaption: '日本と北朝鮮の国旗。',
      imageAlt: '日本と北朝鮮の国旗が並んでいる。',
      tags: ['外交', '北朝鮮'],
      body: doc(paragraph(text('岸田外相は月曜日、'), text('政府間協議', [{ type: 'bold' }]), text('を5月26日から28日までスウェーデンで開催すると述べた。'))),
    },
    image: true,
  },
  {
    name: 'arabic',
    fields: {
      section: 'تقرير طوكيو',
      headline: 'استئناف المفاوضات بين اليابان وكوريا الشمالية',
      dek: 'على الرغم من الخطاب الحاد، هناك مجال لتنازلات تكتيكية.',
      byline: 'أنكيت باندا',
      imageAlt: 'علما اليابان وكوريا الشمالية',
      imageCaption: 'العلمان جنبًا إلى جنب.',
      tags: ['اليابان'],
      body: doc(paragraph(text('أُثيرت احتمالات إجراء محادثات حكومية يوم الاثنين، وفقًا لصحيفة '), text('جابان تايمز', [{ type: 'italic' }]), text('.'))),
    },
    image: true,
  },
  {
    name: 'emoji',
    fields: { headline: 'Talks resume 🇯🇵🤝🇰🇵', dek: 'Reactions: 👍🏽 👩‍💻 ❤️', tags: ['🎌'], body: doc(paragraph(text('Family: 👨‍👩‍👧‍👦, flags 🏳️‍🌈, keycap 1️⃣.'))) },
    image: false,
  },
  {
    name: 'typography',
    fields: {
      headline: '“Imminent signs” — the Punggye-ri site’s ‘last’ test…',
      dek: 'Pages 26–28; −5 °C; it’s “quoted” and ‹guillemets› « too ».',
      body: doc(paragraph(text('En dash – em dash — ellipsis … prime ′ double prime ″ non-breaking\u00a0space.'))),
    },
    image: true,
  },
  { name: 'long-headline', fields: { headline: `${'Negotiations between Japan and North Korea resume in Stockholm '.repeat(5)}`.slice(0, 300) }, image: true },
  { name: 'empty', fields: { headline: '', dek: '', byline: '', section: '', imageCredit: '', imageCaption: '', imageAlt: '', body: doc(paragraph()) }, image: false },
  {
    name: 'hostile',
    fields: {
      headline: XSS_PAYLOADS[0]!,
      dek: `${XSS_PAYLOADS[2]!}\nsecond line`,
      section: XSS_PAYLOADS[4]!,
      byline: XSS_PAYLOADS[7]!,
      imageCredit: '</figcaption><script>x</script>',
      imageCaption: 'Line one\nline two',
      imageAlt: XSS_PAYLOADS[26]!,
      slug: XSS_PAYLOADS[31]!,
      tags: XSS_PAYLOADS.slice(10, 14),
    },
    image: true,
  },
  {
    name: 'invalid-urls',
    fields: { headline: 'Links that are not valid URLs as typed', body: doc(...INVALID_URL_HREFS.map((href, i) => paragraph(text('Link '), text(`number ${i + 1}`, [{ type: 'link', attrs: { href } }]), text('.')))) },
    image: false,
  },
  { name: 'control-characters', fields: { headline: 'Control\u0001 characters\u0008 and a lone \uD800 surrogate', dek: 'Tab\there, form\ffeed' }, image: true },
];

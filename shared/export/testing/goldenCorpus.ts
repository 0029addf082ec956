import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../exportSettings.js';
import type { BodyNode, Story } from '../../story.js';
import { storyInterchangeJson } from '../storyInterchange.js';
import type { StoryExporter } from '../createStoryExporter.js';
import { leadImageFileName } from '../leadImageFileName.js';
import { makeStory } from './makeStory.js';
import { XSS_PAYLOADS } from './xssPayloads.js';

const text = (value: string, marks?: BodyNode['marks']): BodyNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: BodyNode[]): BodyNode => ({ type: 'paragraph', content });
const list = (type: 'bulletList' | 'orderedList', ...items: string[]): BodyNode => ({ type, content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })) });
const doc = (...content: BodyNode[]): BodyNode => ({ type: 'doc', content });
const link = (href: string) => [{ type: 'link', attrs: { href } }];

const SETTINGS: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS, publicationName: 'The Diplomat', baseUrl: 'https://news.example/stories/', timeZone: 'Asia/Tokyo' };

/** The stories the golden exports are made of: several languages and scripts, a dateline, an image, lists, links and hostile text. */
export const GOLDEN_STORIES: readonly { name: string; story: Story; settings: ExportSettings }[] = [
  { name: 'english', story: makeStory({ dateline: 'TOKYO —', slug: '' }), settings: SETTINGS },
  {
    name: 'japanese',
    story: makeStory({
      id: 'tokyo-ja',
      section: '東京レポート',
      headline: '日朝交渉、再開へ　東京で会議',
      dek: '激しい言葉の応酬の裏で、戦術的な譲歩の余地がある。',
      byline: '山田 花子',
      dateline: '【東京】',
      imageAlt: '日本と北朝鮮の国旗',
      imageCaption: '並んだ両国の国旗。',
      tags: ['日本', '北朝鮮'],
      body: doc(
        paragraph(text('政府は月曜日、'), text('ジャパンタイムズ', link('https://www.japantimes.co.jp/')), text('によると、交渉を再開すると発表した。')),
        list('bulletList', 'ﾃﾞｰﾀの公開', 'パスポートの発給'),
        paragraph(text('「差し迫った兆候」があると'), text('米国防総省', [{ type: 'bold' }]), text('は述べた。')),
      ),
    }),
    settings: SETTINGS,
  },
  {
    name: 'arabic',
    story: makeStory({
      id: 'cairo-ar',
      section: 'القاهرة',
      headline: 'استئناف المحادثات في القاهرة: مسؤول يؤكد',
      dek: 'أعلنت الحكومة يوم الاثنين استئناف المفاوضات.',
      byline: 'أحمد سعيد',
      dateline: 'القاهرة —',
      image: null,
      tags: ['مصر'],
      body: doc(
        paragraph(text('قال مسؤول إن '), text('المحادثات', [{ type: 'italic' }]), text(' ستُستأنف في 20 مايو.')),
        list('orderedList', 'الأمن', 'الاقتصاد'),
        paragraph(text('المصدر: '), text('الموقع', link('https://example.org/ar'))),
      ),
    }),
    settings: { ...SETTINGS, timeZone: 'Africa/Cairo', language: 'ar-EG' },
  },
  {
    name: 'hebrew',
    story: makeStory({
      id: 'jerusalem-he',
      section: 'ירושלים',
      headline: 'השיחות יתחדשו בירושלים',
      dek: 'שָׁלוֹם: הצדדים נפגשים שוב.',
      byline: 'דנה כהן',
      dateline: '',
      image: null,
      tags: [],
      publishedAt: null,
      body: doc(paragraph(text('הממשלה הודיעה ביום שני על חידוש המגעים.'))),
    }),
    settings: { ...SETTINGS, timeZone: 'America/Los_Angeles', baseUrl: '' },
  },
  {
    name: 'hostile',
    story: makeStory({
      id: 'hostile',
      section: XSS_PAYLOADS[0]!,
      headline: XSS_PAYLOADS.slice(0, 3).join(' '),
      dek: XSS_PAYLOADS.slice(3, 6).join('\n'),
      byline: XSS_PAYLOADS[6] ?? '',
      dateline: (XSS_PAYLOADS[1] ?? '').slice(0, 100),
      imageAlt: XSS_PAYLOADS[2] ?? '',
      imageCaption: XSS_PAYLOADS[3] ?? '',
      imageCredit: XSS_PAYLOADS[4] ?? '',
      slug: XSS_PAYLOADS[5]!.slice(0, 200),
      tags: XSS_PAYLOADS.slice(0, 5).map((payload) => payload.slice(0, 100)),
      body: doc(...XSS_PAYLOADS.map((payload) => paragraph(text(payload), text(' link', link(payload))))),
    }),
    settings: { ...SETTINGS, publicationName: XSS_PAYLOADS[0]!.slice(0, 200) },
  },
];

/** Every golden export by file name: `<name>.html` (document), `<name>.fragment.html`, `<name>.story.json`. */
export function renderGoldenExports(exporter: StoryExporter): Record<string, string> {
  const files: Record<string, string> = {};
  for (const { name, story, settings } of GOLDEN_STORIES) {
    files[`${name}.html`] = exporter.document(story, settings);
    files[`${name}.fragment.html`] = exporter.fragment(story, settings);
    files[`${name}.story.json`] = storyInterchangeJson(story, story.image ? leadImageFileName(story) : null);
  }
  return files;
}

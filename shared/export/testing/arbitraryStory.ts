import fc from 'fast-check';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../exportSettings.js';
import type { BodyNode, Story } from '../../story.js';
import { makeStory, SAMPLE_IMAGE } from './makeStory.js';
import { XSS_PAYLOADS } from './xssPayloads.js';

/** Any text: payloads, their pieces, any code point (control characters, lone surrogates), and ordinary words. */
export const arbitraryText = fc.oneof(
  fc.constantFrom(...XSS_PAYLOADS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom('<', '>', '"', "'", '&', '</script', '<!--', '-->', 'on', '=', 'javascript:', ' ', '\n', 'word'), { maxLength: 12 }).map((parts) => parts.join('')),
);

const NODE_TYPES = ['doc', 'paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'hardBreak', 'text', 'script', 'iframe', 'image', 'codeBlock', 'table', 'horizontalRule', 'style', 'svg', 'unknown'];
const MARK_TYPES = ['bold', 'italic', 'link', 'code', 'strike', 'underline', 'textStyle', 'highlight', 'script'];
const HOSTILE_URLS = ['javascript:alert(1)', ' java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/', 'https://ok.example/?q="><script>', 'mailto:desk@example.com', '/relative/path', '#top'];

const arbitraryAttrs = fc.dictionary(
  fc.constantFrom('href', 'src', 'level', 'start', 'onclick', 'onerror', 'style', 'class', 'id', 'target', 'rel', 'srcdoc', 'title', 'xlink:href'),
  fc.oneof(arbitraryText, fc.constantFrom(...HOSTILE_URLS), fc.integer({ min: -3, max: 9 }), fc.constant(null), fc.boolean()),
  { maxKeys: 4 },
);

const arbitraryMarks = fc.array(fc.record({ type: fc.constantFrom(...MARK_TYPES), attrs: fc.option(arbitraryAttrs, { nil: undefined }) }, { requiredKeys: ['type'] }), { maxLength: 3 });

/** Random body trees, as a hand-edited story file could hold them: any node type anywhere, hostile attributes and marks. */
export const arbitraryBody: fc.Arbitrary<BodyNode> = fc
  .letrec<{ node: BodyNode }>((tie) => ({
    node: fc.record(
      {
        type: fc.constantFrom(...NODE_TYPES),
        attrs: fc.option(arbitraryAttrs, { nil: undefined }),
        content: fc.option(fc.array(tie('node'), { maxLength: 4 }), { nil: undefined }),
        marks: fc.option(arbitraryMarks, { nil: undefined }),
        text: fc.option(arbitraryText, { nil: undefined }),
      },
      { requiredKeys: ['type'] },
    ) as fc.Arbitrary<BodyNode>,
  }))
  .node.map((root) => ({ ...root, type: 'doc' }));

export const arbitrarySettings: fc.Arbitrary<ExportSettings> = fc.record({
  publicationName: arbitraryText,
  baseUrl: fc.oneof(arbitraryText, fc.constantFrom('https://news.example.com/', "https://news.example.com/a'b/", ...HOSTILE_URLS)),
  timeZone: fc.oneof(fc.constantFrom('UTC', 'Asia/Tokyo', 'America/St_Johns'), arbitraryText),
  language: fc.oneof(fc.constantFrom('en', 'ja', 'ar'), arbitraryText),
  stylesheet: fc.boolean(),
  imageMode: fc.constantFrom(...(['copy', 'embed'] as const)),
}).map((settings) => ({ ...DEFAULT_EXPORT_SETTINGS, ...settings }));

/** Random stories: every text field from arbitraryText, a random body, with or without a lead image. */
export const arbitraryStory: fc.Arbitrary<Story> = fc
  .record({
    section: arbitraryText,
    headline: arbitraryText,
    dek: arbitraryText,
    byline: arbitraryText,
    imageCredit: arbitraryText,
    imageCaption: arbitraryText,
    imageAlt: arbitraryText,
    slug: arbitraryText,
    tags: fc.array(arbitraryText, { maxLength: 4 }),
    hasImage: fc.boolean(),
    body: arbitraryBody,
  })
  .map(({ hasImage, ...fields }) => makeStory({ ...fields, image: hasImage ? SAMPLE_IMAGE : null }));

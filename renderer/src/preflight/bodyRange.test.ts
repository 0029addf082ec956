import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../../shared/preflight/index.js';
import { DEFAULT_LIBRARY_SETTINGS } from '../../../shared/librarySettings.js';
import { createStoryExtensions } from '../../../shared/storyExtensions.js';
import { emptyStoryFields, type BodyNode } from '../../../shared/story.js';
import { bodyRange } from './bodyRange.js';

const schema = getSchema(createStoryExtensions());
const text = (value: string): BodyNode => ({ type: 'text', text: value });
const paragraph = (...content: BodyNode[]): BodyNode => ({ type: 'paragraph', ...(content.length ? { content } : {}) });

describe('a preflight range in the editor', () => {
  it('selects exactly the words each body result names, in paragraphs, after hard breaks, in lists and quotes', () => {
    const body: BodyNode = {
      type: 'doc',
      content: [
        paragraph(text('Opening line.')),
        paragraph(text('First line'), { type: 'hardBreak' }, text('then the the end.')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('One'))] }, { type: 'listItem', content: [paragraph(text('Call TK now'))] }] },
        { type: 'blockquote', content: [paragraph(text('Quoted')), paragraph(text('and XX more'))] },
      ],
    };
    const doc = schema.nodeFromJSON(body);
    const results = runPreflight({ ...emptyStoryFields(), headline: 'H', section: 'S', byline: 'B', body }, DEFAULT_LIBRARY_SETTINGS).filter((result) => result.location && 'block' in result.location);
    const selected = results.map((result) => {
      const location = result.location as { block: number; from: number; to: number };
      const range = bodyRange(doc, location.block, location.from, location.to)!;
      return doc.textBetween(range.from, range.to);
    });
    expect(selected).toEqual(['TK', 'XX', 'the the']);
  });

  it('puts the caret in an empty paragraph, and gives nothing for a block that is gone', () => {
    const doc = schema.nodeFromJSON({ type: 'doc', content: [paragraph(text('Text')), paragraph(), paragraph(text('More'))] });
    const range = bodyRange(doc, 1, 0, 0)!;
    expect(doc.resolve(range.from).parent.type.name).toBe('paragraph');
    expect(doc.resolve(range.from).parent.content.size).toBe(0);
    expect(bodyRange(doc, 5, 0, 1)).toBeNull();
  });
});

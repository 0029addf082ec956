import { getSchema } from '@tiptap/core';
import { DOMSerializer } from '@tiptap/pm/model';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createStoryExtensions } from '../storyExtensions.js';
import { createHtmlSerializer } from './createHtmlSerializer.js';
import { sanitizeBody } from './sanitizeBody.js';
import { arbitraryBody } from './testing/arbitraryStory.js';
import { EVERY_NODE_AND_MARK } from './testing/exportCorpus.js';

const schema = getSchema(createStoryExtensions());
const serialize = createHtmlSerializer(schema);
const window = new Window();
const document = window.document;

/** What ProseMirror's own DOMSerializer makes of the same content, in a real DOM implementation. */
function withDom(json: Parameters<typeof schema.nodeFromJSON>[0]): string {
  const container = document.createElement('div');
  container.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(schema.nodeFromJSON(json).content, { document: document as never }) as never);
  return container.innerHTML;
}
const normalise = (html: string) => {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.innerHTML;
};

describe('serialising a body without a DOM', () => {
  it('gives the markup ProseMirror’s DOM serializer gives, for every node and mark', () => {
    const json = sanitizeBody(EVERY_NODE_AND_MARK);
    const html = serialize(schema.nodeFromJSON(json).content);
    expect(normalise(html)).toBe(withDom(json));
    expect(html).toContain('<p>Plain, <strong>bold</strong>, <em>italic</em>, <a href="https://example.com/a?b=1&amp;c=2"><strong><em>bold italic link</em></strong></a>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<br>after');
  });

  it('gives the same markup as the DOM serializer for random bodies', () => {
    fc.assert(
      fc.property(arbitraryBody, (body) => {
        const json = sanitizeBody(body);
        let node;
        try {
          node = schema.nodeFromJSON(json);
          node.check();
        } catch {
          return;
        }
        expect(normalise(serialize(node.content))).toBe(withDom(json));
      }),
      { numRuns: 300 },
    );
  });
});

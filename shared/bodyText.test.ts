import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyText } from './bodyText.js';
import { arbitraryBody } from './export/testing/arbitraryStory.js';
import type { BodyNode } from './story.js';

/** The definition bodyText keeps: each node's children's text, joined by a blank line when any child is a block. */
function reference(node: BodyNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const blocks = (node.content ?? []).some((child) => ['paragraph', 'heading', 'blockquote', 'listItem', 'bulletList', 'orderedList'].includes(child.type));
  return (node.content ?? []).map(reference).join(blocks ? '\n\n' : '');
}

describe('the plain text of a body', () => {
  it('separates blocks with a blank line and keeps inline text together', () => {
    const body: BodyNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Talks' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'One ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'two' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] }] },
      ],
    };
    expect(bodyText(body)).toBe('Talks\n\nOne bold\ntwo\n\nitem');
  });

  it('follows that definition for any body, whatever nodes it holds', () => {
    fc.assert(
      fc.property(arbitraryBody, (body) => {
        expect(bodyText(body)).toBe(reference(body));
      }),
      { numRuns: 2000 },
    );
  });
});

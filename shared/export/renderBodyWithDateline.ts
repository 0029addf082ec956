import type { BodyNode } from '../story.js';
import { escapeHtml } from './escapeHtml.js';
import type { BodyRenderer } from './renderStoryBody.js';

const hasText = (node: BodyNode): boolean => (node.type === 'text' ? Boolean(node.text?.trim()) : (node.content ?? []).some(hasText));

/**
 * The body's HTML with the dateline (already one line) in its own `cd-story__dateline` element before the text of the
 * first paragraph that has any; in a paragraph of its own at the top when none has. The first paragraph is rendered
 * alone, so the element goes right after its opening tag, whatever came before it.
 */
export function renderBodyWithDateline(renderBody: BodyRenderer, body: BodyNode, dateline: string): string {
  if (!dateline) return renderBody(body);
  const element = `<span class="cd-story__dateline">${escapeHtml(dateline)}</span>`;
  const content = body.content ?? [];
  const first = content.findIndex((node) => node.type === 'paragraph' && hasText(node));
  const part = (nodes: BodyNode[]) => (nodes.length ? renderBody({ type: 'doc', content: nodes }) : '');
  if (first >= 0) {
    const paragraph = part([content[first]!]);
    const opening = /^<p\b[^>]*>/.exec(paragraph);
    if (opening) return `${part(content.slice(0, first))}${opening[0]}${element} ${paragraph.slice(opening[0].length)}${part(content.slice(first + 1))}`;
  }
  return `<p>${element}</p>${renderBody(body)}`;
}

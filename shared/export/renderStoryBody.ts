import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { bodyText } from '../bodyText.js';
import type { BodyNode } from '../story.js';
import { createStoryExtensions } from '../storyExtensions.js';
import { createHtmlSerializer } from './createHtmlSerializer.js';
import { escapeHtml } from './escapeHtml.js';
import { sanitizeBody } from './sanitizeBody.js';

export type BodyRenderer = (body: BodyNode) => string;

/**
 * Builds the schema once from the editor's extension list; the returned function renders a body to HTML: straight from
 * its sanitized JSON when the serializer is sure of it, else through ProseMirror nodes, checked against the schema.
 */
export function createBodyRenderer(): BodyRenderer {
  const schema = getSchema(createStoryExtensions());
  const serialize = createHtmlSerializer(schema);
  return (body) => {
    const clean = sanitizeBody(body);
    if (!clean.content?.length) return '';
    const html = serialize.json(clean);
    if (html !== null) return html;
    let node: ProseMirrorNode;
    try {
      node = schema.nodeFromJSON(clean);
      node.check();
      return serialize(node.content);
    } catch {
      // A hand-edited body that breaks the schema still publishes its words, as plain paragraphs.
      return bodyText(clean)
        .split(/\n{2,}/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('');
    }
  };
}

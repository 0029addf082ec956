import { getSchema } from '@tiptap/core';
import { DOMSerializer, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { bodyText } from '../bodyText.js';
import type { BodyNode } from '../story.js';
import { createStoryExtensions } from '../storyExtensions.js';
import { escapeHtml } from './escapeHtml.js';
import { sanitizeBody } from './sanitizeBody.js';

/** The DOM the body is serialised with: the browser's document, or one shared happy-dom document in Node. */
export interface SerializerDocument {
  createElement(tagName: 'div'): { appendChild(node: unknown): unknown; innerHTML: string };
}

export type BodyRenderer = (body: BodyNode) => string;

/** Builds the schema once from the editor's extension list; the returned function renders a body to HTML. */
export function createBodyRenderer(document: SerializerDocument): BodyRenderer {
  const schema = getSchema(createStoryExtensions());
  const serializer = DOMSerializer.fromSchema(schema);
  return (body) => {
    const clean = sanitizeBody(body);
    if (!clean.content?.length) return '';
    let node: ProseMirrorNode;
    try {
      node = schema.nodeFromJSON(clean);
      node.check();
    } catch {
      // A hand-edited body that breaks the schema still publishes its words, as plain paragraphs.
      return bodyText(clean)
        .split(/\n{2,}/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('');
    }
    const container = document.createElement('div');
    container.appendChild(serializer.serializeFragment(node.content, { document: document as never }));
    return container.innerHTML;
  };
}

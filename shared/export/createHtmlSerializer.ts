import type { Fragment, Mark, MarkType, Node, NodeType, Schema } from '@tiptap/pm/model';
import type { BodyNode } from '../story.js';
import { createJsonSerializer } from './createJsonSerializer.js';
import { moveMarks } from './moveMarks.js';
import { sameValues } from './sameValues.js';
import { escapeText, toTemplate, type Template } from './specTemplate.js';

/** Enough for every heading level and list start in use; link hrefs, which vary, would grow it without end. */
const TEMPLATES_PER_TYPE = 64;

/**
 * Serialises ProseMirror content to HTML with the schema's own toDOM specs and ProseMirror's DOMSerializer
 * algorithm (adjacent text shares its mark elements), but without a DOM: a string is all an export needs, and
 * building DOM nodes was most of the time an export took. Each spec is rendered once per type and attributes, to the
 * text before and after its content.
 */
export interface HtmlSerializer {
  /** ProseMirror content as HTML. */
  (fragment: Fragment): string;
  /** A sanitized body's JSON as HTML, as the nodes ProseMirror would make of it serialize; null when not sure (see createJsonSerializer). */
  json(doc: BodyNode): string | null;
}

export function createHtmlSerializer(schema: Schema): HtmlSerializer {
  /**
   * The template each type rendered last, with the attributes object it was for: ProseMirror gives every node or mark
   * made without attributes its type's one object of defaults, so most lookups end here, without hashing anything.
   */
  const lastByType = [new Map<object, { attrs: object; found: Template | null }>(), new Map(), new Map()] as const;
  /** Else by type and attribute values: in our schema a type's toDOM depends on its attributes only. */
  const byValues = new Map<unknown, Map<string, Template | null>>();

  /**
   * `kind`: 0 a node, 1 a mark on inline content, 2 a mark on a block. `subject` gives the node or mark to render,
   * when no template is known yet for its type and attributes.
   */
  function template(type: NodeType | MarkType, attrs: object, kind: 0 | 1 | 2, subject: () => Node | Mark): Template | null {
    const last = lastByType[kind].get(type);
    if (last && (last.attrs === attrs || sameValues(last.attrs as Record<string, unknown>, attrs as Record<string, unknown>))) {
      last.attrs = attrs;
      return last.found;
    }
    let byAttrs = byValues.get(type);
    if (!byAttrs) byValues.set(type, (byAttrs = new Map()));
    const key = `${kind}${JSON.stringify(attrs)}`;
    let found = byAttrs.get(key);
    if (found === undefined) {
      const of = subject();
      const spec = kind === 0 ? (of as Node).type.spec.toDOM?.(of as Node) : (of as Mark).type.spec.toDOM?.(of as Mark, kind === 1);
      found = spec ? toTemplate(spec, kind !== 0) : null;
      if (byAttrs.size >= TEMPLATES_PER_TYPE) byAttrs.clear();
      byAttrs.set(key, found);
    }
    if (last) {
      last.attrs = attrs;
      last.found = found;
    } else lastByType[kind].set(type, { attrs, found });
    return found;
  }

  function serializeFragment(fragment: Fragment, out: string[]): void {
    const active: Mark[] = [];
    const closing: string[] = [];
    fragment.forEach((node) => {
      if (active.length || node.marks.length) {
        const kind = node.isInline ? 1 : 2;
        moveMarks(node.marks, active, closing, out, (a, b) => a.eq(b), (mark) => template(mark.type, mark.attrs, kind, () => mark));
      }
      serializeNode(node, out);
    });
    while (closing.length) out.push(closing.pop()!);
  }

  function serializeNode(node: Node, out: string[]): void {
    if (node.isText) {
      out.push(escapeText(node.text ?? ''));
      return;
    }
    if (!node.type.spec.toDOM) throw new RangeError(`No toDOM for ${node.type.name}`);
    const { before, after, hasHole } = template(node.type, node.attrs, 0, () => node)!;
    if (hasHole && node.isLeaf) throw new RangeError('Content hole not allowed in a leaf node spec');
    out.push(before);
    if (after === null) return;
    serializeFragment(node.content, out);
    out.push(after);
  }

  const jsonSerializer = createJsonSerializer(schema, template);
  return Object.assign(
    (fragment: Fragment) => {
      const out: string[] = [];
      serializeFragment(fragment, out);
      return out.join('');
    },
    { json: jsonSerializer },
  );
}

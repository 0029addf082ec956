import type { Mark, MarkType, Node, NodeType, Schema } from '@tiptap/pm/model';
import type { BodyNode } from '../story.js';
import { moveMarks } from './moveMarks.js';
import { sameValues } from './sameValues.js';
import { escapeText, type Template } from './specTemplate.js';

/** The serializer's template for a type and attributes (see createHtmlSerializer). */
export type TemplateOf = (type: NodeType | MarkType, attrs: object, kind: 0 | 1 | 2, subject: () => Node | Mark) => Template | null;

/** Attributes as ProseMirror computes them for a type: the given ones it defines, defaults for the rest. */
type Attrs = Record<string, unknown>;
interface TypeAttrs {
  /** The type's attributes with their defaults; null when one has none, or has a validate function: not for the fast path. */
  defaults: Attrs | null;
  names: string[];
}

function typeAttrs(type: NodeType | MarkType): TypeAttrs {
  const specs = (type.spec.attrs ?? {}) as Record<string, { default?: unknown; validate?: unknown }>;
  const names = Object.keys(specs);
  const simple = names.every((name) => Object.prototype.hasOwnProperty.call(specs[name], 'default') && !specs[name]!.validate);
  return { defaults: simple ? Object.fromEntries(names.map((name) => [name, specs[name]!.default])) : null, names };
}

const EMPTY_ATTRS: Attrs = Object.freeze({});

/**
 * The attributes ProseMirror would give a node or mark of this type made from `given`; null when the fast path should
 * leave it to ProseMirror (an attribute without a default or with a validate function, or an object value, which
 * ProseMirror compares deeply).
 */
function computeAttrs(known: TypeAttrs, given: Attrs | undefined): Attrs | null {
  if (!known.defaults) return null;
  if (!given) return known.names.length ? known.defaults : EMPTY_ATTRS;
  let built: Attrs | null = null;
  for (const name of known.names) {
    const value = given[name];
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null) return null;
    built ??= { ...known.defaults };
    built[name] = value;
  }
  return built ?? known.defaults;
}

interface JsonMark {
  type: MarkType;
  attrs: Attrs;
}

/** Mark.eq for attributes as computeAttrs gives them (no object values: those are left to ProseMirror). */
const sameMark = (a: JsonMark, b: JsonMark) => a.type === b.type && (a.attrs === b.attrs || sameValues(a.attrs, b.attrs));

/**
 * The same serializer working on a body's JSON directly, without building ProseMirror nodes, for bodies as
 * sanitizeBody leaves them. It returns the markup only when it is sure ProseMirror would accept the body
 * (every type known, content matching each type's content expression, marks allowed and not excluding each
 * other, attributes with defaults and no validation), and then it is the markup the node serializer gives
 * (createHtmlSerializer.test.ts compares the two on random bodies). Otherwise it returns null, and the caller builds
 * the nodes, which gives ProseMirror's answer for anything unusual. Building nodes was a third of an export's render.
 */
export function createJsonSerializer(schema: Schema, template: TemplateOf): (doc: BodyNode) => string | null {
  const nodeAttrs = new Map<NodeType, TypeAttrs>();
  const markAttrs = new Map<MarkType, TypeAttrs>();
  for (const type of Object.values(schema.nodes)) nodeAttrs.set(type, typeAttrs(type));
  for (const type of Object.values(schema.marks)) markAttrs.set(type, typeAttrs(type));
  const ranks = new Map(Object.values(schema.marks).map((type, rank) => [type, rank]));
  const nodeType = (name: string) => (Object.prototype.hasOwnProperty.call(schema.nodes, name) ? schema.nodes[name]! : null);
  const markType = (name: string) => (Object.prototype.hasOwnProperty.call(schema.marks, name) ? schema.marks[name]! : null);
  const NO_MARKS: JsonMark[] = [];

  /** A node's marks as ProseMirror would hold them (sorted by rank), or null when they are not a valid set in `parent`. */
  function marksOf(node: BodyNode, parent: NodeType): JsonMark[] | null {
    if (!node.marks?.length) return NO_MARKS;
    const marks: JsonMark[] = [];
    for (const mark of node.marks) {
      const type = markType(mark.type);
      if (!type || !parent.allowsMarkType(type)) return null;
      const attrs = computeAttrs(markAttrs.get(type)!, mark.attrs);
      if (!attrs) return null;
      marks.push({ type, attrs });
    }
    if (marks.length > 1) {
      marks.sort((a, b) => ranks.get(a.type)! - ranks.get(b.type)!);
      for (let i = 0; i < marks.length; i += 1) {
        for (let j = i + 1; j < marks.length; j += 1) {
          const a = marks[i]!;
          const b = marks[j]!;
          if (a.type.excludes(b.type) || b.type.excludes(a.type) || sameMark(a, b)) return null;
        }
      }
    }
    return marks;
  }

  /** Writes `children` as the content of a `parent` node; false when the fast path cannot be sure of them. */
  function fragment(children: readonly BodyNode[], parent: NodeType, out: string[]): boolean {
    let match = parent.contentMatch;
    const active: JsonMark[] = [];
    const closing: string[] = [];
    for (const child of children) {
      const type = nodeType(child.type);
      const next = type && match.matchType(type);
      if (!next) return false;
      match = next;
      const marks = marksOf(child, parent);
      if (!marks || (marks.length && !type.isInline)) return false;
      if (active.length || marks.length) {
        moveMarks(marks, active, closing, out, sameMark, (mark) => template(mark.type, mark.attrs, 1, () => mark.type.create(mark.attrs)));
      }
      if (type.isText) {
        if (typeof child.text !== 'string' || !child.text || child.content?.length) return false;
        out.push(escapeText(child.text));
        continue;
      }
      const attrs = computeAttrs(nodeAttrs.get(type)!, child.attrs);
      if (!attrs || !type.spec.toDOM) return false;
      const found = template(type, attrs, 0, () => type.create(attrs))!;
      // The node serializer refuses a hole in a leaf; a spec without a hole writes no content, so it must have none.
      if (found.hasHole && type.isLeaf) return false;
      if (found.after === null) {
        if (child.content?.length || !type.contentMatch.validEnd) return false;
        out.push(found.before);
        continue;
      }
      out.push(found.before);
      if (!fragment(child.content ?? [], type, out)) return false;
      out.push(found.after);
    }
    if (!match.validEnd) return false;
    while (closing.length) out.push(closing.pop()!);
    return true;
  }

  return (doc) => {
    if (doc.type !== schema.topNodeType.name || doc.marks?.length) return null;
    const out: string[] = [];
    try {
      return fragment(doc.content ?? [], schema.topNodeType, out) ? out.join('') : null;
    } catch {
      return null; // A spec that cannot render (as the node serializer would find too).
    }
  };
}

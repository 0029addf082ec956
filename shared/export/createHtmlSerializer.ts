import type { DOMOutputSpec, Fragment, Mark, MarkType, Node, NodeType, Schema } from '@tiptap/pm/model';
import type { BodyNode } from '../story.js';

interface Element {
  tag: string;
  attrs: string;
  children: (Element | string)[];
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ATTRIBUTE_NAME = /^[a-zA-Z_][-a-zA-Z0-9_.]*$/;

const TEXT_TO_ESCAPE = /[&<>]/;
const escapeText = (text: string) =>
  TEXT_TO_ESCAPE.test(text) ? text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;')) : text;
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/** ProseMirror's renderSpec, building a light tree instead of DOM nodes. */
function renderSpec(spec: DOMOutputSpec): { dom: Element; contentDOM?: Element } {
  if (!Array.isArray(spec) || typeof spec[0] !== 'string' || spec[0].includes(' ')) throw new RangeError('Unsupported DOM output spec');
  const dom: Element = { tag: spec[0].toLowerCase(), attrs: '', children: [] };
  let contentDOM: Element | undefined;
  let start = 1;
  const attrs: unknown = spec[1];
  if (attrs && typeof attrs === 'object' && !Array.isArray(attrs)) {
    start = 2;
    for (const [name, value] of Object.entries(attrs as Record<string, unknown>)) {
      if (value == null) continue;
      if (!ATTRIBUTE_NAME.test(name)) throw new RangeError(`Invalid attribute name ${name}`);
      dom.attrs += ` ${name.toLowerCase()}="${escapeAttribute(String(value))}"`;
    }
  }
  for (let i = start; i < spec.length; i += 1) {
    const child = spec[i] as DOMOutputSpec | 0;
    if (child === 0) {
      if (i < spec.length - 1 || i > start) throw new RangeError('Content hole must be the only child of its parent node');
      return { dom, contentDOM: dom };
    }
    if (typeof child === 'string') dom.children.push(child);
    else {
      const inner = renderSpec(child);
      dom.children.push(inner.dom);
      if (inner.contentDOM) {
        if (contentDOM) throw new RangeError('Multiple content holes');
        contentDOM = inner.contentDOM;
      }
    }
  }
  return { dom, contentDOM };
}

/**
 * A spec rendered to text around its content: `after` is null when the content is not written (no hole, or a hole in
 * a void element). A mark's content goes at the end of its element when its spec has no hole.
 */
interface Template {
  before: string;
  after: string | null;
  hasHole: boolean;
}

/** Writes an element as HTML; returns where in `out` the content of `hole` goes (-1: nowhere). */
function stringify(node: Element | string, out: string[], hole: Element | undefined): number {
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return -1;
  }
  out.push(`<${node.tag}${node.attrs}>`);
  if (VOID_ELEMENTS.has(node.tag)) return -1;
  let at = node === hole ? out.length : -1;
  for (const child of node.children) at = Math.max(at, stringify(child, out, hole));
  out.push(`</${node.tag}>`);
  return at;
}

function toTemplate(spec: DOMOutputSpec, mark: boolean): Template {
  const { dom, contentDOM } = renderSpec(spec);
  const hole = mark ? (contentDOM ?? dom) : contentDOM;
  const out: string[] = [];
  const at = stringify(dom, out, hole);
  if (mark && at < 0) throw new RangeError('A mark cannot render as a void element');
  return at < 0
    ? { before: out.join(''), after: null, hasHole: Boolean(hole) }
    : { before: out.slice(0, at).join(''), after: out.slice(at).join(''), hasHole: true };
}

/** Attributes a type computed (so the same keys) holding the same values: a link repeated in a story, say. */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let keys = 0;
  for (const key in b) {
    if (a[key] !== b[key]) return false;
    keys += 1;
  }
  for (const _ in a) keys -= 1;
  return keys === 0;
}

/** Enough for every heading level and list start in use; link hrefs, which vary, would grow it without end. */
const TEMPLATES_PER_TYPE = 64;

/**
 * ProseMirror's DOMSerializer step between two siblings: keeps the open marks the next node shares (in order, the
 * spanning ones), closes the rest, and opens the next node's other marks. The same for nodes and for a body's JSON.
 */
function moveMarks<M extends { type: MarkType }>(
  marks: readonly M[],
  active: M[],
  closing: string[],
  out: string[],
  same: (a: M, b: M) => boolean,
  templateOf: (mark: M) => Template | null,
): void {
  let keep = 0;
  let rendered = 0;
  while (keep < active.length && rendered < marks.length) {
    const next = marks[rendered]!;
    if (!next.type.spec.toDOM) {
      rendered += 1;
      continue;
    }
    if (!same(next, active[keep]!) || next.type.spec.spanning === false) break;
    keep += 1;
    rendered += 1;
  }
  while (keep < active.length) {
    active.pop();
    out.push(closing.pop()!);
  }
  while (rendered < marks.length) {
    const add = marks[rendered++]!;
    const markTemplate = templateOf(add);
    if (markTemplate) {
      out.push(markTemplate.before);
      active.push(add);
      closing.push(markTemplate.after!);
    }
  }
}

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

type TemplateOf = (type: NodeType | MarkType, attrs: object, kind: 0 | 1 | 2, subject: () => Node | Mark) => Template | null;

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
function createJsonSerializer(schema: Schema, template: TemplateOf): (doc: BodyNode) => string | null {
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

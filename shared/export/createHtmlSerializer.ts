import type { DOMOutputSpec, Fragment, Mark, Node, Schema } from '@tiptap/pm/model';

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
 * Serialises ProseMirror content to HTML with the schema's own toDOM specs and ProseMirror's DOMSerializer
 * algorithm (adjacent text shares its mark elements), but without a DOM: a string is all an export needs, and
 * building DOM nodes was most of the time an export took. Each spec is rendered once per type and attributes, to the
 * text before and after its content.
 */
export function createHtmlSerializer(schema: Schema): (fragment: Fragment) => string {
  /**
   * The template each type rendered last, with the attributes object it was for: ProseMirror gives every node or mark
   * made without attributes its type's one object of defaults, so most lookups end here, without hashing anything.
   */
  const lastByType = [new Map<object, { attrs: object; found: Template | null }>(), new Map(), new Map()] as const;
  /** Else by type and attribute values: in our schema a type's toDOM depends on its attributes only. */
  const byValues = new Map<unknown, Map<string, Template | null>>();

  /** `kind`: 0 a node, 1 a mark on inline content, 2 a mark on a block. */
  function template(of: Node | Mark, kind: 0 | 1 | 2): Template | null {
    const { type, attrs } = of;
    const last = lastByType[kind].get(type);
    if (last && (last.attrs === attrs || sameValues(last.attrs as Record<string, unknown>, attrs))) {
      last.attrs = attrs;
      return last.found;
    }
    let byAttrs = byValues.get(type);
    if (!byAttrs) byValues.set(type, (byAttrs = new Map()));
    const key = `${kind}${JSON.stringify(attrs)}`;
    let found = byAttrs.get(key);
    if (found === undefined) {
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
        let keep = 0;
        let rendered = 0;
        while (keep < active.length && rendered < node.marks.length) {
          const next = node.marks[rendered]!;
          if (!next.type.spec.toDOM) {
            rendered += 1;
            continue;
          }
          if (!next.eq(active[keep]!) || next.type.spec.spanning === false) break;
          keep += 1;
          rendered += 1;
        }
        while (keep < active.length) {
          active.pop();
          out.push(closing.pop()!);
        }
        while (rendered < node.marks.length) {
          const add = node.marks[rendered++]!;
          const markTemplate = template(add, node.isInline ? 1 : 2);
          if (markTemplate) {
            out.push(markTemplate.before);
            active.push(add);
            closing.push(markTemplate.after!);
          }
        }
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
    const { before, after, hasHole } = template(node, 0)!;
    if (hasHole && node.isLeaf) throw new RangeError('Content hole not allowed in a leaf node spec');
    out.push(before);
    if (after === null) return;
    serializeFragment(node.content, out);
    out.push(after);
  }

  return (fragment) => {
    const out: string[] = [];
    serializeFragment(fragment, out);
    return out.join('');
  };
}

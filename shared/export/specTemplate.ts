import type { DOMOutputSpec } from '@tiptap/pm/model';

interface Element {
  tag: string;
  attrs: string;
  children: (Element | string)[];
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ATTRIBUTE_NAME = /^[a-zA-Z_][-a-zA-Z0-9_.]*$/;

const TEXT_TO_ESCAPE = /[&<>]/;
/** Text as ProseMirror's DOM serialization writes it: only &, < and > escaped. */
export const escapeText = (text: string) =>
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
export interface Template {
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

/** A node's or mark's spec as text before and after its content. */
export function toTemplate(spec: DOMOutputSpec, mark: boolean): Template {
  const { dom, contentDOM } = renderSpec(spec);
  const hole = mark ? (contentDOM ?? dom) : contentDOM;
  const out: string[] = [];
  const at = stringify(dom, out, hole);
  if (mark && at < 0) throw new RangeError('A mark cannot render as a void element');
  return at < 0
    ? { before: out.join(''), after: null, hasHole: Boolean(hole) }
    : { before: out.slice(0, at).join(''), after: out.slice(at).join(''), hasHole: true };
}

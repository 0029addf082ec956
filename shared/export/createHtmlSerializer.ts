import type { DOMOutputSpec, Fragment, Mark, Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';

interface Element {
  tag: string;
  attrs: string;
  children: (Element | string)[];
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ATTRIBUTE_NAME = /^[a-zA-Z_][-a-zA-Z0-9_.]*$/;

const escapeText = (text: string) => text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
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

function stringify(node: Element | string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return;
  }
  out.push(`<${node.tag}${node.attrs}>`);
  if (VOID_ELEMENTS.has(node.tag)) return;
  for (const child of node.children) stringify(child, out);
  out.push(`</${node.tag}>`);
}

/**
 * Serialises ProseMirror content to HTML with the schema's own toDOM specs and ProseMirror's DOMSerializer
 * algorithm (adjacent text shares its mark elements), but without a DOM: a string is all an export needs, and
 * building DOM nodes was most of the time an export took.
 */
export function createHtmlSerializer(schema: Schema): (fragment: Fragment) => string {
  const markSpec = (mark: Mark, inline: boolean) => mark.type.spec.toDOM?.(mark, inline);

  function serializeFragment(fragment: Fragment, target: Element): void {
    let top = target;
    const active: [Mark, Element][] = [];
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
          if (!next.eq(active[keep]![0]) || next.type.spec.spanning === false) break;
          keep += 1;
          rendered += 1;
        }
        while (keep < active.length) top = active.pop()![1];
        while (rendered < node.marks.length) {
          const add = node.marks[rendered++]!;
          const spec = markSpec(add, node.isInline);
          if (spec) {
            const { dom, contentDOM } = renderSpec(spec);
            active.push([add, top]);
            top.children.push(dom);
            top = contentDOM ?? dom;
          }
        }
      }
      top.children.push(serializeNode(node));
    });
  }

  function serializeNode(node: ProseMirrorNode): Element | string {
    if (node.isText) return node.text ?? '';
    const toDOM = node.type.spec.toDOM;
    if (!toDOM) throw new RangeError(`No toDOM for ${node.type.name}`);
    const { dom, contentDOM } = renderSpec(toDOM(node));
    if (contentDOM) {
      if (node.isLeaf) throw new RangeError('Content hole not allowed in a leaf node spec');
      serializeFragment(node.content, contentDOM);
    }
    return dom;
  }

  return (fragment) => {
    const root: Element = { tag: '', attrs: '', children: [] };
    serializeFragment(fragment, root);
    const out: string[] = [];
    for (const child of root.children) stringify(child, out);
    return out.join('');
  };
}

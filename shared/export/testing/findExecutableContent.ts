import { parseHtml } from './parseHtml.js';

const FORBIDDEN_ELEMENTS = new Set([
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'base', 'form', 'input', 'button',
  'textarea', 'select', 'template', 'noscript', 'video', 'audio', 'source', 'track', 'portal', 'xmp', 'plaintext',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'ping', 'srcset', 'data', 'codebase']);
const ALLOWED_SCHEME = /^(?:https?|mailto):/i;
const EMBEDDED_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export interface ExecutableContentOptions {
  /** The one stylesheet a document may carry (the export's own); any other `<style>` is reported. */
  stylesheet?: string | null;
  /** True when the lead image may be embedded as a data: URI (embed mode, previews). */
  embeddedImage?: boolean;
}

/**
 * Everything in an exported HTML that could run or load something it should not: script other than the one JSON-LD
 * block, event handler and style attributes, javascript:/data:/other URLs, iframes, objects, svg, forms, refreshes…
 * Returns a description of each finding; an empty list means the export is inert.
 */
export function findExecutableContent(html: string, options: ExecutableContentOptions = {}): string[] {
  const document = parseHtml(html);
  const found: string[] = [];
  let jsonLd = 0;
  let styles = 0;
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'script') {
      const inHead = element.parentElement?.tagName.toLowerCase() === 'head';
      if (element.getAttribute('type') !== 'application/ld+json' || !inHead || element.getAttributeNames().length !== 1 || ++jsonLd > 1) {
        found.push(`<script ${element.getAttributeNames().join(' ')}>`);
      }
    }
    if (tag === 'style') {
      styles += 1;
      if (!options.stylesheet || styles > 1 || element.textContent.trim() !== options.stylesheet.trim() || element.getAttributeNames().length) {
        found.push('<style> that is not the export stylesheet');
      }
    }
    if (tag === 'meta' && (element.hasAttribute('http-equiv') || element.hasAttribute('itemprop'))) found.push('<meta http-equiv>');
    if (tag === 'link' && element.getAttribute('rel') !== 'canonical') found.push(`<link rel="${element.getAttribute('rel')}">`);
    if (tag === 'meta' && /^(og:url|og:image|twitter:image)$/.test(element.getAttribute('property') ?? element.getAttribute('name') ?? '')) {
      const url = (element.getAttribute('content') ?? '').replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url)) found.push(`<meta content="${url}">`);
    }
    for (const attribute of element.getAttributeNames()) {
      const name = attribute.toLowerCase();
      const value = element.getAttribute(attribute) ?? '';
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction' || name === 'is') found.push(`${tag}[${name}]`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      const embedded = tag === 'img' && name === 'src' && options.embeddedImage === true && EMBEDDED_IMAGE.test(value);
      const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(url);
      if ((hasScheme && !ALLOWED_SCHEME.test(url) && !embedded) || url.startsWith('//') || url.startsWith('\\')) {
        found.push(`${tag}[${name}=${value.slice(0, 60)}]`);
      }
    }
  }
  return found;
}

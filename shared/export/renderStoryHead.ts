import { escapeHtml } from './escapeHtml.js';
import { newsArticleJsonLd } from './newsArticleJsonLd.js';
import { scriptSafeJson } from './scriptSafeJson.js';
import type { StoryMetadata } from './storyMetadata.js';

const meta = (attribute: 'name' | 'property', key: string, content: string | number) =>
  `<meta ${attribute}="${key}" content="${escapeHtml(String(content))}">`;

let lastStyle: { stylesheet: string; element: string } | null = null;

/** The stylesheet inlined: ours, but a `</style` inside it would still end the element early. The same for every story. */
function styleElement(stylesheet: string): string {
  if (lastStyle?.stylesheet !== stylesheet) lastStyle = { stylesheet, element: `<style>\n${stylesheet.replace(/<\/(style)/gi, '<\\/$1').trim()}\n</style>` };
  return lastStyle.element;
}

/** The `<head>` contents: title, description, canonical link, Open Graph, Twitter card, JSON-LD and the optional stylesheet. */
export function renderStoryHead(data: StoryMetadata, stylesheet: string | null): string[] {
  const lines = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.title)}</title>`,
  ];
  if (data.description) lines.push(meta('name', 'description', data.description));
  if (data.url) lines.push(`<link rel="canonical" href="${escapeHtml(data.url)}">`);
  lines.push(meta('property', 'og:type', 'article'), meta('property', 'og:title', data.title));
  if (data.locale) lines.push(meta('property', 'og:locale', data.locale));
  if (data.description) lines.push(meta('property', 'og:description', data.description));
  if (data.url) lines.push(meta('property', 'og:url', data.url));
  if (data.publisher) lines.push(meta('property', 'og:site_name', data.publisher));
  const image = data.image?.url ? data.image : null;
  if (image) {
    lines.push(meta('property', 'og:image', image.url!), meta('property', 'og:image:width', image.width), meta('property', 'og:image:height', image.height));
    if (image.alt) lines.push(meta('property', 'og:image:alt', image.alt));
  }
  if (data.section) lines.push(meta('property', 'article:section', data.section));
  lines.push(meta('property', 'article:published_time', data.published), meta('property', 'article:modified_time', data.modified));
  if (data.author) lines.push(meta('property', 'article:author', data.author));
  for (const tag of data.tags) lines.push(meta('property', 'article:tag', tag));
  lines.push(meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'), meta('name', 'twitter:title', data.title));
  if (data.description) lines.push(meta('name', 'twitter:description', data.description));
  if (image) {
    lines.push(meta('name', 'twitter:image', image.url!));
    if (image.alt) lines.push(meta('name', 'twitter:image:alt', image.alt));
  }
  lines.push(meta('name', 'generator', 'Copydesk'));
  lines.push(`<script type="application/ld+json">${scriptSafeJson(newsArticleJsonLd(data))}</script>`);
  if (stylesheet) lines.push(styleElement(stylesheet));
  return lines;
}

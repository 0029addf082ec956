import { cleanText, oneLine } from '../cleanText.js';
import type { Story } from '../story.js';
import { escapeHtml } from './escapeHtml.js';

export interface ArticleImage {
  /** Where the exported document finds the image: a file name beside it, or a data: URI. */
  src: string;
  width: number;
  height: number;
}

const text = (value: string) => escapeHtml(oneLine(value));
const multiline = (value: string) =>
  escapeHtml(cleanText(value).trim()).replace(/\r?\n/g, '<br>');

/** The `<article>` element of a story, with the documented cd-* class names. Every field is escaped. */
export function renderStoryArticle(story: Story, bodyHtml: string, image: ArticleImage | null): string {
  const lines: string[] = ['<article class="cd-story">', '<header class="cd-story__header">'];
  if (oneLine(story.section)) lines.push(`<p class="cd-story__section">${text(story.section)}</p>`);
  lines.push(`<h1 class="cd-story__headline">${text(story.headline) || 'Untitled'}</h1>`);
  if (oneLine(story.dek)) lines.push(`<p class="cd-story__dek">${multiline(story.dek)}</p>`);
  if (oneLine(story.byline)) lines.push(`<p class="cd-story__byline">${text(story.byline)}</p>`);
  lines.push('</header>');
  if (image) {
    lines.push('<figure class="cd-story__figure">');
    lines.push(
      `<img class="cd-story__image" src="${escapeHtml(image.src)}" alt="${text(story.imageAlt)}" width="${image.width}" height="${image.height}">`,
    );
    const caption = oneLine(story.imageCaption) ? `<span class="cd-story__caption">${multiline(story.imageCaption)}</span>` : '';
    const credit = oneLine(story.imageCredit)
      ? `<span class="cd-story__credit"><span class="cd-story__credit-label">Credit:</span> ${text(story.imageCredit)}</span>`
      : '';
    if (caption || credit) lines.push(`<figcaption class="cd-story__figcaption">${[caption, credit].filter(Boolean).join(' ')}</figcaption>`);
    lines.push('</figure>');
  }
  lines.push(`<div class="cd-story__body">${bodyHtml}</div>`, '</article>');
  return lines.join('\n');
}

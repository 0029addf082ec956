import { cleanText } from '../cleanText.js';
import type { Story } from '../story.js';
import { escapeHtml } from './escapeHtml.js';
import type { StoryMetadata } from './storyMetadata.js';

const multiline = (value: string) => escapeHtml(cleanText(value).trim().replace(/\s*\r?\n\s*/g, '\n').replace(/[^\S\n]+/g, ' ')).replace(/\n/g, '<br>');

/**
 * The `<article>` element of a story, with the documented cd-story* class names and no inline style.
 * It is the CMS fragment as is, and the body of the standalone document. Every field is escaped.
 */
export function renderStoryArticle(story: Pick<Story, 'dek' | 'imageCaption'>, data: StoryMetadata, bodyHtml: string, imageSrc: string | null): string {
  const dir = data.direction === 'rtl' ? ' dir="rtl"' : '';
  const lines: string[] = [`<article class="cd-story" lang="${escapeHtml(data.language)}"${dir}>`, '<header class="cd-story__header">'];
  if (data.section) lines.push(`<p class="cd-story__section">${escapeHtml(data.section)}</p>`);
  lines.push(`<h1 class="cd-story__headline">${escapeHtml(data.title)}</h1>`);
  if (data.description) lines.push(`<p class="cd-story__dek">${multiline(story.dek)}</p>`);
  if (data.author) lines.push(`<p class="cd-story__byline">${escapeHtml(data.author)}</p>`);
  lines.push(`<time class="cd-story__date" datetime="${escapeHtml(data.published)}">${escapeHtml(data.publishedDisplay)}</time>`);
  lines.push('</header>');
  const image = data.image;
  if (image && imageSrc !== null) {
    lines.push('<figure class="cd-story__figure">');
    lines.push(
      `<img class="cd-story__image" src="${escapeHtml(imageSrc)}" alt="${escapeHtml(image.alt)}" width="${escapeHtml(String(image.width))}" height="${escapeHtml(String(image.height))}">`,
    );
    const caption = image.caption ? `<span class="cd-story__caption">${multiline(story.imageCaption)}</span>` : '';
    const credit = image.credit
      ? `<span class="cd-story__credit"><span class="cd-story__credit-label">Credit:</span> ${escapeHtml(image.credit)}</span>`
      : '';
    if (caption || credit) lines.push(`<figcaption class="cd-story__figcaption">${[caption, credit].filter(Boolean).join(' ')}</figcaption>`);
    lines.push('</figure>');
  }
  lines.push(`<div class="cd-story__body">${bodyHtml}</div>`, '</article>');
  return lines.join('\n');
}

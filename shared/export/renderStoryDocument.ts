import { oneLine } from '../cleanText.js';
import type { Story } from '../story.js';
import { escapeHtml } from './escapeHtml.js';
import { renderStoryArticle, type ArticleImage } from './renderStoryArticle.js';

export interface DocumentOptions {
  /** BCP 47 language of the story, for `<html lang>`. */
  language: string;
}

export const DEFAULT_DOCUMENT_OPTIONS: DocumentOptions = { language: 'en' };

/** A standalone HTML5 document for one story. Pure: the same input gives the same bytes. */
export function renderStoryDocument(
  story: Story,
  bodyHtml: string,
  image: ArticleImage | null,
  options: DocumentOptions = DEFAULT_DOCUMENT_OPTIONS,
): string {
  const title = oneLine(story.headline) || 'Untitled';
  const head = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
  ];
  if (oneLine(story.dek)) head.push(`<meta name="description" content="${escapeHtml(oneLine(story.dek))}">`);
  head.push('<meta name="generator" content="Copydesk">', '</head>', '<body>');
  return `${head.join('\n')}\n${renderStoryArticle(story, bodyHtml, image)}\n</body>\n</html>\n`;
}

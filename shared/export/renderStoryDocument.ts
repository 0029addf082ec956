import { escapeHtml } from './escapeHtml.js';
import { renderStoryArticle } from './renderStoryArticle.js';
import { renderStoryHead } from './renderStoryHead.js';
import type { StoryMetadata } from './storyMetadata.js';
import type { Story } from '../story.js';

/** A standalone HTML5 document for one story: the head's metadata, then the article. Pure: the same input gives the same bytes. */
export function renderStoryDocument(
  story: Pick<Story, 'dek' | 'imageCaption'>,
  data: StoryMetadata,
  bodyHtml: string,
  imageSrc: string | null,
  stylesheet: string | null,
): string {
  const dir = data.direction === 'rtl' ? ' dir="rtl"' : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(data.language)}"${dir}>`,
    '<head>',
    ...renderStoryHead(data, stylesheet),
    '</head>',
    '<body>',
    renderStoryArticle(story, data, bodyHtml, imageSrc),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

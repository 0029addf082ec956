import type { StoryMetadata } from './storyMetadata.js';

/** The schema.org NewsArticle a search engine reads from the document's `<script type="application/ld+json">`. */
export function newsArticleJsonLd(meta: StoryMetadata): Record<string, unknown> {
  const data: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: meta.title };
  if (meta.description) data.description = meta.description;
  if (meta.url) {
    data.url = meta.url;
    data.mainEntityOfPage = meta.url;
  }
  if (meta.section) data.articleSection = meta.section;
  if (meta.author) data.author = { '@type': 'Person', name: meta.author };
  if (meta.dateline) data.dateline = meta.dateline;
  data.datePublished = meta.published;
  data.dateModified = meta.modified;
  if (meta.image) {
    const image: Record<string, unknown> = { '@type': 'ImageObject' };
    if (meta.image.url) image.url = meta.image.url;
    if (meta.image.caption) image.caption = meta.image.caption;
    if (meta.image.credit) image.creditText = meta.image.credit;
    image.width = meta.image.width;
    image.height = meta.image.height;
    data.image = image;
  }
  data.wordCount = meta.wordCount;
  if (meta.tags.length) data.keywords = meta.tags;
  if (meta.publisher) {
    data.publisher = meta.publisherUrl
      ? { '@type': 'Organization', name: meta.publisher, url: meta.publisherUrl }
      : { '@type': 'Organization', name: meta.publisher };
  }
  data.inLanguage = meta.language;
  return data;
}

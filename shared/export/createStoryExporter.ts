import type { ExportSettings } from '../exportSettings.js';
import { bodyWithoutSuggestions } from '../review/suggestions.js';
import type { Story } from '../story.js';
import { renderBodyWithDateline } from './renderBodyWithDateline.js';
import { createBodyRenderer } from './renderStoryBody.js';
import { renderStoryArticle } from './renderStoryArticle.js';
import { renderStoryDocument } from './renderStoryDocument.js';
import { storyMetadata } from './storyMetadata.js';

export interface ExportImage {
  /** The lead image as a data: URI: in the `<img src>` instead of the file name (embed mode, and every preview). */
  dataUri?: string;
}

export interface StoryExporter {
  /** The standalone HTML document. */
  document(story: Story, settings: ExportSettings, image?: ExportImage): string;
  /** The CMS fragment: the `<article>` of the document, byte for byte. */
  fragment(story: Story, settings: ExportSettings, image?: ExportImage): string;
}

export interface StoryExporterOptions {
  /** The text of assets/export.css, inlined when the settings ask for a stylesheet. */
  stylesheet: string;
}

const exporterOptions = new WeakMap<StoryExporter, StoryExporterOptions>();

/** The options an exporter was made with, so another thread can make the same one; undefined for any other object. */
export function storyExporterOptions(exporter: StoryExporter): StoryExporterOptions | undefined {
  return exporterOptions.get(exporter);
}

/**
 * What an export publishes: the story as the writer has accepted it. Pending body suggestions are left out (the
 * original text: suggested insertions dropped, suggested deletions kept), field suggestions are not applied, and
 * comments and notes are never part of an export.
 */
export function publishedStory(story: Story): Story {
  const { comments: _comments, fieldSuggestions: _fieldSuggestions, ...rest } = story;
  return { ...rest, notes: [], body: bodyWithoutSuggestions(story.body) };
}

const IMAGE_DATA_URI = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * The exporter: pure and deterministic, a function of (story, settings, image) only, with no DOM. The TipTap schema
 * is built once here, so create one exporter per process and reuse it for every story.
 */
export function createStoryExporter({ stylesheet }: StoryExporterOptions): StoryExporter {
  const renderBody = createBodyRenderer();
  const parts = (pending: Story, settings: ExportSettings, image: ExportImage | undefined) => {
    const story = publishedStory(pending);
    const data = storyMetadata(story, settings);
    const dataUri = image?.dataUri && IMAGE_DATA_URI.test(image.dataUri) ? image.dataUri : null;
    return { story, data, bodyHtml: renderBodyWithDateline(renderBody, story.body, data.dateline), imageSrc: data.image ? (dataUri ?? data.image.fileName) : null };
  };
  const exporter: StoryExporter = {
    document(story, settings, image) {
      const { story: published, data, bodyHtml, imageSrc } = parts(story, settings, image);
      return renderStoryDocument(published, data, bodyHtml, imageSrc, settings.stylesheet ? stylesheet : null);
    },
    fragment(story, settings, image) {
      const { story: published, data, bodyHtml, imageSrc } = parts(story, settings, image);
      return `${renderStoryArticle(published, data, bodyHtml, imageSrc)}\n`;
    },
  };
  exporterOptions.set(exporter, { stylesheet });
  return exporter;
}

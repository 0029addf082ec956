import { bodyText } from '../bodyText.js';
import { oneLine } from '../cleanText.js';
import { isHttpBaseUrl, isLanguageTag, isTimeZone, type ExportSettings } from '../exportSettings.js';
import type { Story } from '../story.js';
import { languageDirection, openGraphLocale, resolveStoryLanguage } from '../storyLanguage.js';
import { countWordsIn } from '../wordCount.js';
import { leadImageFileName } from './leadImageFileName.js';
import { storySlug } from './storySlug.js';
import { textDirection } from './textDirection.js';
import { displayDate, zonedDateTime } from './zonedDateTime.js';

export interface StoryImageMetadata {
  /** The file name the image is exported under, beside the HTML: `<slug>.<ext>`. */
  fileName: string;
  /** Where crawlers find the image: absolute when a base URL is set, else the file name; null when embedded. */
  url: string | null;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** Everything the head, the JSON-LD and the article say about a story, computed once from (story, settings). */
export interface StoryMetadata {
  /** The story's BCP 47 language: the writer's, the one its script names, or the library's default. */
  language: string;
  /** Open Graph's form of it (`ja_JP`); null when it names no territory. */
  locale: string | null;
  direction: 'ltr' | 'rtl';
  title: string;
  description: string;
  section: string;
  author: string;
  /** Where the story was filed ("TOKYO —"), one line; '' for none. */
  dateline: string;
  tags: string[];
  slug: string;
  /** The canonical URL, `<base URL>/<slug>/`; null when no base URL is set. */
  url: string | null;
  publisher: string;
  publisherUrl: string | null;
  published: string;
  modified: string;
  publishedDisplay: string;
  wordCount: number;
  image: StoryImageMetadata | null;
}

function validDate(iso: string | null | undefined): Date | null {
  if (typeof iso !== 'string') return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

type UsableSettings = ReturnType<typeof checkSettings>;

/** The settings of a batch are one object for all its stories: checked once for them all. */
const checked = new WeakMap<ExportSettings, { key: string; usable: UsableSettings }>();

/** Settings as the exporter uses them: a value that breaks the rules (a hand-edited file) falls back to its default. */
function usableSettings(settings: ExportSettings): UsableSettings {
  const key = `${settings.baseUrl}\u0000${settings.language}\u0000${settings.timeZone}\u0000${settings.publicationName}\u0000${settings.imageMode}`;
  const known = checked.get(settings);
  if (known?.key === key) return known.usable;
  const usable = checkSettings(settings);
  checked.set(settings, { key, usable });
  return usable;
}

function checkSettings(settings: ExportSettings) {
  const baseUrl = isHttpBaseUrl(settings.baseUrl) ? settings.baseUrl.replace(/\/*$/, '/') : null;
  return {
    baseUrl,
    language: isLanguageTag(settings.language) ? settings.language : 'en',
    timeZone: isTimeZone(settings.timeZone) ? settings.timeZone : 'UTC',
    publisher: oneLine(settings.publicationName),
    embed: settings.imageMode === 'embed',
  };
}

const uniqueTags = (tags: readonly string[]) => [...new Set(tags.map(oneLine).filter(Boolean))];

export function storyMetadata(story: Story, settings: ExportSettings): StoryMetadata {
  const { baseUrl, language, timeZone, publisher, embed } = usableSettings(settings);
  const slug = storySlug(story);
  const url = baseUrl ? `${baseUrl}${encodeURIComponent(slug)}/` : null;
  const updated = validDate(story.updatedAt) ?? validDate(story.createdAt) ?? new Date(0);
  const published = validDate(story.publishedAt) ?? updated;
  const modified = published > updated ? published : updated;
  const fileName = leadImageFileName(story);
  const title = oneLine(story.headline);
  const text = bodyText(story.body);
  const storyLanguage = resolveStoryLanguage(story.language ?? 'detect', () => `${story.headline}\n${text}`, language);
  const direction =
    languageDirection(storyLanguage.tag) === 'rtl' ? 'rtl' : storyLanguage.source === 'writer' ? 'ltr' : textDirection(story.headline, story.dek, text);
  return {
    language: storyLanguage.tag,
    locale: openGraphLocale(storyLanguage.tag),
    direction,
    title: title || 'Untitled',
    description: oneLine(story.dek),
    section: oneLine(story.section),
    author: oneLine(story.byline),
    dateline: oneLine(story.dateline ?? ''),
    tags: uniqueTags(story.tags ?? []),
    slug,
    url,
    publisher,
    publisherUrl: baseUrl ? `${/^https?:\/\/[^/]+/i.exec(baseUrl)![0]}/` : null,
    published: zonedDateTime(published, timeZone),
    modified: zonedDateTime(modified, timeZone),
    publishedDisplay: displayDate(published, storyLanguage.tag, timeZone),
    wordCount: countWordsIn(text, storyLanguage.tag),
    image:
      story.image && fileName
        ? {
            fileName,
            url: embed ? null : url ? `${url}${encodeURIComponent(fileName)}` : fileName,
            width: story.image.width,
            height: story.image.height,
            alt: oneLine(story.imageAlt),
            caption: oneLine(story.imageCaption),
            credit: oneLine(story.imageCredit),
          }
        : null,
  };
}

import { z } from 'zod';
import { isLanguageTag } from './story.js';

/**
 * True for an absolute http(s) URL without query, fragment, credentials, white space or characters that need quoting,
 * so it can be joined with a slug and written into an attribute or JSON as is.
 */
export function isHttpBaseUrl(url: string): boolean {
  return /^https?:\/\/[\p{L}\p{N}.-]+(?::\d{1,5})?(?:\/[\p{L}\p{N}\-._~!$&'()*+,;=:@%/]*)?$/iu.test(url);
}

const zoneChecks = new Map<string, boolean>();

/** True for an IANA time zone name this runtime knows ("Asia/Tokyo", "UTC"). */
export function isTimeZone(zone: string): boolean {
  let known = zoneChecks.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = zone.length > 0;
    } catch {
      known = false;
    }
    zoneChecks.set(zone, known);
  }
  return known;
}

export { isLanguageTag };

export const IMAGE_MODES = ['copy', 'embed'] as const;
export type ImageMode = (typeof IMAGE_MODES)[number];

const settingFields = {
  publicationName: z.string().max(200, 'The publication name is longer than 200 characters.'),
  baseUrl: z
    .string()
    .max(500, 'The base URL is longer than 500 characters.')
    .refine((url) => url === '' || isHttpBaseUrl(url), 'The base URL must be an http:// or https:// address, like https://news.example.com/stories/.'),
  timeZone: z.string().max(64).refine(isTimeZone, 'Not a time zone Copydesk knows; use a name like Asia/Tokyo or UTC.'),
  language: z.string().max(64).refine(isLanguageTag, 'Not a language tag; use one like en, ja or ar-EG.'),
  stylesheet: z.boolean(),
  imageMode: z.enum(IMAGE_MODES),
};

/** How a library exports its stories; stored in settings.json. Every field has a default, so `{}` parses. */
export const ExportSettingsSchema = z.object({
  publicationName: settingFields.publicationName.default(''),
  baseUrl: settingFields.baseUrl.default(''),
  timeZone: settingFields.timeZone.default('UTC'),
  language: settingFields.language.default('en'),
  stylesheet: settingFields.stylesheet.default(true),
  imageMode: settingFields.imageMode.default('copy'),
});
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;

/** A change to some settings; the ones left out keep their stored values. */
export const ExportSettingsPatchSchema = z.object(settingFields).partial();

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = ExportSettingsSchema.parse({});

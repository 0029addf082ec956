import { z } from 'zod';
import { DEFAULT_PREFLIGHT_LEVELS, PREFLIGHT_CHECK_IDS, PREFLIGHT_LEVELS, type PreflightCheckId, type PreflightLevel } from './preflight/preflightCatalog.js';
import { STORY_TEXT_MAX } from './story.js';

const limit = (label: string, max: number) =>
  z.number().int(`The ${label} limit must be a whole number.`).min(1, `The ${label} limit must be at least 1.`).max(max, `The ${label} limit is at most ${max}.`);

const PreflightLevelSchema = z.enum(PREFLIGHT_LEVELS);

/** Each preflight check's level in this library: off, a warning, or an error that stops Ready and export. */
export const PreflightLevelsSchema = z.object(
  Object.fromEntries(PREFLIGHT_CHECK_IDS.map((id) => [id, PreflightLevelSchema.default(DEFAULT_PREFLIGHT_LEVELS[id])])) as Record<PreflightCheckId, z.ZodDefault<typeof PreflightLevelSchema>>,
);
export type PreflightLevels = Record<PreflightCheckId, PreflightLevel>;
/** A change of preflight levels names every check (a patch replaces the library's levels whole). */
const PreflightLevelsPatchSchema = z.object(Object.fromEntries(PREFLIGHT_CHECK_IDS.map((id) => [id, PreflightLevelSchema])) as Record<PreflightCheckId, typeof PreflightLevelSchema>);

/** The editor's counters: the lengths (in characters) a headline and a dek should keep to in this library. */
export const LibrarySettingsSchema = z.object({
  headlineLimit: limit('headline', STORY_TEXT_MAX.headline).default(70),
  dekLimit: limit('dek', STORY_TEXT_MAX.dek).default(160),
  preflight: PreflightLevelsSchema.prefault({}),
});
export type LibrarySettings = z.infer<typeof LibrarySettingsSchema>;

/** A change to some library settings; the ones left out keep their stored values. */
export const LibrarySettingsPatchSchema = z
  .object({ headlineLimit: limit('headline', STORY_TEXT_MAX.headline), dekLimit: limit('dek', STORY_TEXT_MAX.dek), preflight: PreflightLevelsPatchSchema })
  .partial();

export const DEFAULT_LIBRARY_SETTINGS: LibrarySettings = LibrarySettingsSchema.parse({});

/** A section name in the list is at most as long as a story's Section field may be. */
export const SECTION_MAX = STORY_TEXT_MAX.section;
export const SECTIONS_MAX = 200;

/** One section name of the library's managed list: one line, not blank. */
export const SectionNameSchema = z
  .string()
  .transform((name) => name.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'A section name cannot be blank.').max(SECTION_MAX, `A section name is at most ${SECTION_MAX} characters.`));

/** The managed list of sections, in the order the Section field suggests them; names are unique regardless of case. */
export const SectionListSchema = z
  .array(SectionNameSchema)
  .max(SECTIONS_MAX, `A library has at most ${SECTIONS_MAX} sections.`)
  .refine((names) => new Set(names.map((name) => name.toLocaleLowerCase())).size === names.length, 'Each section may appear only once.');

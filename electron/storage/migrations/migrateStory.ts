import { CopydeskError } from '../../../shared/result.js';
import { STORY_SCHEMA_VERSION, StorySchema, type Story } from '../../../shared/story.js';
import { parseStoryFast } from '../../../shared/storyFastPath.js';
import { addLanguageAndDateline } from './0001-add-language-and-dateline.js';

/**
 * Numbered migrations, each taking a story file of version N to N+1. Add a file per step
 * (e.g. `0002-add-something.ts`, taking format 2 to 3) and list it here under the version it starts from.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  1: addLanguageAndDateline,
};

/** Brings a parsed story file up to the current schema and validates it; throws CopydeskError('corrupt'). */
export function migrateStory(raw: unknown): Story {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CopydeskError('corrupt', 'the file does not hold a story object');
  }
  let data = raw as Record<string, unknown>;
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (version > STORY_SCHEMA_VERSION) {
    throw new CopydeskError('unsupported', `it was written by a newer Copydesk (format ${version}); update Copydesk to open it`);
  }
  while (version < STORY_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new CopydeskError('corrupt', `story format ${version} is not one Copydesk knows`);
    data = { ...step(data), schemaVersion: version + 1 };
    version += 1;
  }
  // A complete, valid file skips zod's generic walk (slow in export's fresh threads); zod judges everything else.
  const fast = parseStoryFast(data);
  if (fast) return fast;
  const parsed = StorySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CopydeskError('corrupt', `${issue.path.join('.') || 'story'}: ${issue.message}`);
  }
  return parsed.data;
}

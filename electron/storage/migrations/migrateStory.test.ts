import { describe, expect, it } from 'vitest';
import { generateBenchStory } from '../../../bench/generateBenchStory.js';
import { CopydeskError } from '../../../shared/result.js';
import { StorySchema } from '../../../shared/story.js';
import { migrateStory } from './migrateStory.js';

/** A story file as Copydesk writes one, read back from its JSON. */
function storyFile(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const story = {
    schemaVersion: 2,
    id: 'tokyo-talks',
    revision: 3,
    createdAt: '2026-05-18T08:30:00.000Z',
    updatedAt: '2026-05-20T09:15:42.123Z',
    updatedBy: 'Desk',
    ...generateBenchStory(1, 200),
    status: 'editing',
    statusHistory: [{ status: 'editing', at: '2026-05-19T10:00:00.000Z', by: 'Desk' }],
    notes: [],
    language: 'detect',
    dateline: 'TOKYO —',
    ...changes,
  };
  return JSON.parse(JSON.stringify(story)) as Record<string, unknown>;
}

function errorOf(run: () => unknown): CopydeskError {
  try {
    run();
  } catch (error) {
    if (error instanceof CopydeskError) return error;
    throw error;
  }
  throw new Error('expected a CopydeskError');
}

describe('migrateStory', () => {
  it('reads a story file as the schema does', () => {
    const file = storyFile();
    expect(migrateStory(file)).toStrictEqual(StorySchema.parse(file));
  });

  it('gives the schema’s message for a broken file', () => {
    const error = errorOf(() => migrateStory(storyFile({ headline: 'x'.repeat(501) })));
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe('headline: Headline is longer than 500 characters.');
    expect(errorOf(() => migrateStory(storyFile({ notes: [{ id: 'n1', at: '2026-02-30T10:00:00Z', by: '', text: 'Hi' }] }))).message).toBe(
      'notes.0.at: Invalid ISO datetime',
    );
    expect(errorOf(() => migrateStory(storyFile({ body: { type: 'doc', content: [{ type: 'text', text: 5 }] } }))).message).toBe(
      'body.content.0.text: Invalid input: expected string, received number',
    );
  });

  it('fills in the fields a file written before they existed lacks', () => {
    const { updatedBy: _by, status: _status, statusHistory: _history, notes: _notes, slug: _slug, tags: _tags, publishedAt: _at, ...old } = storyFile();
    const story = migrateStory(old);
    expect(story).toMatchObject({ updatedBy: '', status: 'draft', statusHistory: [], notes: [], slug: '', tags: [], publishedAt: null });
    expect(Object.keys(story)).toStrictEqual(Object.keys(StorySchema.shape).filter((key) => key !== 'comments' && key !== 'fieldSuggestions'));
  });

  it('gives a story written before stories had a language the library’s default language and no dateline (format 1 → 2)', () => {
    const { language: _language, dateline: _dateline, ...format2 } = storyFile({ headline: '東京で会議' });
    const story = migrateStory({ ...format2, schemaVersion: 1 });
    expect(story).toMatchObject({ schemaVersion: 2, headline: '東京で会議', language: 'library', dateline: '' });
    expect(Object.keys(story)).toStrictEqual(Object.keys(StorySchema.shape).filter((key) => key !== 'comments' && key !== 'fieldSuggestions'));
  });

  it('gives a format 2 file without a language the detected one', () => {
    const { language: _language, ...file } = storyFile();
    expect(migrateStory(file).language).toBe('detect');
  });

  it('refuses a story from a newer Copydesk with an actionable sentence', () => {
    const error = errorOf(() => migrateStory(storyFile({ schemaVersion: 3 })));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('it was written by a newer Copydesk (format 3); update Copydesk to open it');
  });
});

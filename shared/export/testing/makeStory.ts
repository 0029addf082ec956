import { sampleStoryFields } from '../../../e2e/fixtures/sampleStory.js';
import { EMPTY_STORY_META, emptyStoryWorkflow, STORY_SCHEMA_VERSION, type MediaRef, type Story } from '../../story.js';

export const SAMPLE_IMAGE: MediaRef = { id: `${'b'.repeat(64)}.png`, mimeType: 'image/png', width: 1200, height: 800, bytes: 5000 };

/** The reference story (Tokyo Report) as stored, with its lead image, tags and a publication time; override any field. */
export function makeStory(overrides: Partial<Story> = {}): Story {
  return {
    schemaVersion: STORY_SCHEMA_VERSION,
    id: 'story-1',
    revision: 3,
    createdAt: '2026-05-20T00:00:00.000Z',
    updatedAt: '2026-05-21T10:30:00.000Z',
    ...sampleStoryFields(SAMPLE_IMAGE),
    ...EMPTY_STORY_META,
    ...emptyStoryWorkflow(),
    tags: ['Japan', 'North Korea', 'Diplomacy'],
    publishedAt: '2026-05-20T09:00:00.000Z',
    ...overrides,
  };
}

import type { StoryStatus } from '../../shared/story.js';

export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  editing: 'Editing',
  ready: 'Ready',
  published: 'Published',
  spiked: 'Spiked',
};

import { CopydeskError } from '../result.js';
import type { PreflightStory } from './preflightStory.js';
import { blockingMessage, blockingResults, runPreflight, type PreflightSettings } from './runPreflight.js';

/** Throws, with the reasons, when a check the library set to block finds a problem in the story. */
export function assertPreflightPasses(story: PreflightStory, settings: PreflightSettings, action: string): void {
  const results = runPreflight(story, settings);
  if (blockingResults(results).length > 0) throw new CopydeskError('invalid-input', blockingMessage(action, results));
}

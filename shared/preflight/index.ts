export * from './preflightCatalog.js';
export type { PreflightField, PreflightLocation, PreflightResult, PreflightStatus } from './preflightResult.js';
export type { PreflightStory } from './preflightStory.js';
export { blockingMessage, blockingResults, runPreflight, MAX_RESULTS_PER_CHECK, type BlockScanCache, type PreflightSettings } from './runPreflight.js';
export { blockText } from './blockText.js';
export { assertPreflightPasses } from './assertPreflightPasses.js';

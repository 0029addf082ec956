import type { LibrarySettings } from '../librarySettings.js';
import type { BodyNode } from '../storyBody.js';
import { blockName } from './blockText.js';
import { checkFields, checkFieldText } from './fieldChecks.js';
import { DEFAULT_PREFLIGHT_LEVELS, PREFLIGHT_CHECK_IDS, type PreflightCheckId, type PreflightLevel } from './preflightCatalog.js';
import type { PreflightFinding, PreflightResult } from './preflightResult.js';
import type { PreflightStory } from './preflightStory.js';
import { scanBodyBlock, type BlockScan } from './scanBodyBlock.js';

/** The settings preflight follows: the library's length limits and each check's level. */
export type PreflightSettings = Pick<LibrarySettings, 'headlineLimit' | 'dekLimit'> & { preflight: Partial<Record<PreflightCheckId, PreflightLevel>> };

/** Per-block answers kept between runs: a block object that did not change is not scanned again. */
export type BlockScanCache = WeakMap<BodyNode, BlockScan>;

/** At most this many results per check: past it, one more line says how many were left out. */
export const MAX_RESULTS_PER_CHECK = 20;

const PASS_REASONS: Record<PreflightCheckId, string> = {
  'headline-missing': 'The story has a headline.',
  'section-missing': 'The story has a section.',
  'byline-missing': 'The story has a byline.',
  'body-missing': 'The body has text.',
  'headline-too-long': 'The headline is within the library’s limit.',
  'headline-seo-length': 'The headline fits in search results.',
  'dek-too-long': 'The dek is within the library’s limit.',
  'image-alt-missing': 'No lead image, or it has alt text.',
  'image-credit-missing': 'No lead image, or it has a credit.',
  'caption-missing': 'No lead image, or it has a caption.',
  'placeholder-text': 'No placeholder text.',
  'repeated-words': 'No word repeated twice in a row.',
  'straight-quotes': 'No straight quotes.',
  'unbalanced-quotes': 'Quotation marks pair up.',
  'empty-blocks': 'No empty paragraphs or subheads.',
  'insecure-links': 'Every link is https.',
  'pending-suggestions': 'No suggested edits waiting.',
  'unresolved-comments': 'No open comments.',
};

/** The body's findings, block by block (from the cache when the block is unchanged). */
function checkBody(body: BodyNode, cache: BlockScanCache | undefined): PreflightFinding[] {
  const blocks = body.content ?? [];
  const found: PreflightFinding[] = [];
  let hasText = false;
  let suggestions = 0;
  let previous: BlockScan | null = null;
  let previousIndex = -1;
  const unclosed = (scan: BlockScan, index: number) =>
    scan.openQuotesAtEnd.map((at): PreflightFinding => ({ id: 'unbalanced-quotes', reason: `This quotation in ${blockName(blocks[index]!, index)} is never closed.`, location: { block: index, from: at, to: at + 1 } }));
  blocks.forEach((block, index) => {
    let scan = cache?.get(block);
    if (!scan) {
      scan = scanBodyBlock(block);
      cache?.set(block, scan);
    }
    hasText ||= scan.hasText;
    suggestions += scan.suggestions;
    const name = blockName(block, index);
    for (const finding of scan.findings) {
      found.push({ id: finding.id, reason: `${finding.reason.replace(/\.$/, '')} (${name}).`, location: { block: index, from: finding.from, to: finding.to } });
    }
    // A quotation running on into the next paragraph leaves its opening mark unclosed, by convention.
    if (previous && !scan.startsWithOpeningQuote) found.push(...unclosed(previous, previousIndex));
    previous = scan;
    previousIndex = index;
  });
  if (previous) found.push(...unclosed(previous, previousIndex));
  // An empty body says so once, not once per empty paragraph.
  if (!hasText) return [{ id: 'body-missing', reason: 'The body has no text.' }];
  if (suggestions > 0) found.push({ id: 'pending-suggestions', reason: suggestions === 1 ? 'One suggested edit in the body is waiting to be accepted or rejected.' : `${suggestions} suggested edits in the body are waiting to be accepted or rejected.`, location: firstSuggestion(blocks, cache) });
  return found;
}

function firstSuggestion(blocks: BodyNode[], cache: BlockScanCache | undefined): PreflightFinding['location'] {
  const index = blocks.findIndex((block) => (cache?.get(block) ?? scanBodyBlock(block)).suggestions > 0);
  return index === -1 ? undefined : { block: index, from: 0, to: 0 };
}

function checkReviewLeftovers(story: PreflightStory): PreflightFinding[] {
  const found: PreflightFinding[] = [];
  const fieldSuggestions = Object.values(story.fieldSuggestions ?? {}).filter((suggestion) => suggestion !== undefined).length;
  if (fieldSuggestions > 0) found.push({ id: 'pending-suggestions', reason: fieldSuggestions === 1 ? 'One suggested edit to a field is waiting.' : `${fieldSuggestions} suggested edits to fields are waiting.` });
  const open = story.comments?.filter((comment) => !comment.resolved).length ?? 0;
  if (open > 0) found.push({ id: 'unresolved-comments', reason: open === 1 ? 'One comment is not resolved.' : `${open} comments are not resolved.` });
  return found;
}

/**
 * Every check the settings turn on, in the panel's order: a pass line for a check that found nothing, else one line
 * per problem (warning or error as the library set that check), capped at MAX_RESULTS_PER_CHECK.
 */
export function runPreflight(story: PreflightStory, settings: PreflightSettings, cache?: BlockScanCache): PreflightResult[] {
  const findings = [...checkFields(story, settings), ...checkFieldText(story), ...checkBody(story.body, cache), ...checkReviewLeftovers(story)];
  const byCheck = new Map<PreflightCheckId, PreflightFinding[]>();
  for (const finding of findings) {
    const list = byCheck.get(finding.id);
    if (list) list.push(finding);
    else byCheck.set(finding.id, [finding]);
  }
  const results: PreflightResult[] = [];
  for (const id of PREFLIGHT_CHECK_IDS) {
    const level = settings.preflight[id] ?? DEFAULT_PREFLIGHT_LEVELS[id];
    if (level === 'off') continue;
    const found = byCheck.get(id);
    if (!found) {
      results.push({ id, status: 'pass', reason: PASS_REASONS[id] });
      continue;
    }
    for (const finding of found.slice(0, MAX_RESULTS_PER_CHECK)) results.push({ ...finding, status: level });
    const more = found.length - MAX_RESULTS_PER_CHECK;
    if (more > 0) results.push({ id, status: level, reason: `${more} more like these.`, location: found[MAX_RESULTS_PER_CHECK]!.location });
  }
  return results;
}

/** The results that stop Ready and export. */
export const blockingResults = (results: readonly PreflightResult[]) => results.filter((result) => result.status === 'error');

/** One sentence for an error message: what blocks, in the panel's words. */
export function blockingMessage(action: string, results: readonly PreflightResult[]): string {
  const blocking = blockingResults(results);
  const reasons = blocking.slice(0, 3).map((result) => result.reason.replace(/\.$/, ''));
  const more = blocking.length > 3 ? `; and ${blocking.length - 3} more` : '';
  return `Preflight stops ${action}: ${reasons.join('; ')}${more}. Fix ${blocking.length === 1 ? 'it' : 'them'} (see Preflight) and try again.`;
}

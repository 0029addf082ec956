import type { BodyNode } from '../storyBody.js';
import { blockText } from './blockText.js';
import { findPlaceholders } from './placeholderText.js';
import type { PreflightCheckId } from './preflightCatalog.js';
import { quoteBalance } from './quotationMarks.js';
import { findRepeatedWords } from './repeatedWords.js';
import { findStraightQuotes } from './quotationMarks.js';
import type { TextMatch } from './textMatch.js';

/** Mark names of suggested edits in the body (as @handlewithcare/prosemirror-suggest-changes names them). */
export const SUGGESTION_MARKS = new Set(['insertion', 'deletion', 'modification']);

/** A problem in one block, its range in that block's text. */
export interface BlockFinding extends TextMatch {
  id: PreflightCheckId;
}

/** What the body checks found in one top-level block: independent of the other blocks and of the settings. */
export interface BlockScan {
  findings: BlockFinding[];
  hasText: boolean;
  /** Quotes still open at the end of the block's last paragraph, and whether its first paragraph opens with one. */
  openQuotesAtEnd: number[];
  startsWithOpeningQuote: boolean;
  suggestions: number;
}

const tagged = (id: PreflightCheckId, matches: TextMatch[], start: number): BlockFinding[] =>
  matches.map((match) => ({ id, reason: match.reason, from: match.from + start, to: match.to + start }));

/** Runs every body check on one top-level block. Pure, so a caller may keep the answer per unchanged block. */
export function scanBodyBlock(block: BodyNode): BlockScan {
  const { textblocks, marks } = blockText(block);
  const findings: BlockFinding[] = [];
  let hasText = false;
  let openQuotesAtEnd: number[] = [];
  let startsWithOpeningQuote = false;
  textblocks.forEach((textblock, index) => {
    const { text, start } = textblock;
    if (text.trim() === '') {
      findings.push({ id: 'empty-blocks', from: start, to: start, reason: textblock.type === 'heading' ? 'An empty subhead.' : 'An empty paragraph.' });
      return;
    }
    hasText = true;
    findings.push(...tagged('placeholder-text', findPlaceholders(text), start));
    findings.push(...tagged('repeated-words', findRepeatedWords(text), start));
    findings.push(...tagged('straight-quotes', findStraightQuotes(text), start));
    const balance = quoteBalance(text);
    findings.push(...tagged('unbalanced-quotes', balance.problems, start));
    if (index === 0) startsWithOpeningQuote = balance.startsWithOpening;
    // Inside one block (a quote, a list), a quotation may run on into the next paragraph as between blocks.
    const next = textblocks[index + 1];
    if (balance.openAtEnd.length > 0 && (!next || !quoteBalance(next.text).startsWithOpening)) {
      if (next) findings.push(...balance.openAtEnd.map((at) => ({ id: 'unbalanced-quotes' as const, from: at + start, to: at + start + 1, reason: 'This quotation is never closed.' })));
      else openQuotesAtEnd = balance.openAtEnd.map((at) => at + start);
    }
  });
  // A suggestion is one edit however many runs of text it covers (bold and plain words, several stamps): one per id.
  const suggestionIds = new Set<string>();
  for (const { mark, from, to } of marks) {
    if (SUGGESTION_MARKS.has(mark.type)) suggestionIds.add(`${mark.type}:${String(mark.attrs?.id ?? from)}`);
    else if (mark.type === 'link') {
      const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href.trim() : '';
      if (/^http:/i.test(href)) findings.push({ id: 'insecure-links', from, to, reason: `Link to ${href} is not https.` });
    }
  }
  return { findings, hasText, openQuotesAtEnd, startsWithOpeningQuote, suggestions: suggestionIds.size };
}

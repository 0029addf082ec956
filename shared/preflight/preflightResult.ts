import type { PreflightCheckId } from './preflightCatalog.js';

/** The story fields a result can point at (the editor focuses the field). */
export type PreflightField = 'headline' | 'section' | 'dek' | 'byline' | 'image' | 'imageCredit' | 'imageCaption' | 'imageAlt';

/**
 * Where a result points: a field, or a range in the body. `block` is the index of a top-level block of the body;
 * `from`/`to` count characters of that block's text (text nodes in order, each hard break or other inline leaf one
 * character), as blockText.ts does.
 */
export type PreflightLocation = { field: PreflightField } | { block: number; from: number; to: number };

export type PreflightStatus = 'pass' | 'warning' | 'error';

/** One line of the Preflight panel. */
export interface PreflightResult {
  id: PreflightCheckId;
  status: PreflightStatus;
  reason: string;
  location?: PreflightLocation;
}

/** A problem a check found, before the library's settings say whether it warns or blocks. */
export interface PreflightFinding {
  id: PreflightCheckId;
  reason: string;
  location?: PreflightLocation;
}

import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { runPreflight, type BlockScanCache, type PreflightResult, type PreflightSettings, type PreflightStory } from '../../../shared/preflight/index.js';
import type { BodyNode } from '../../../shared/story.js';
import { afterQuiet } from '../ui/afterQuiet.js';
import { bodyBlocksJson } from './bodyBlocksJson.js';

/** How long typing must pause before preflight runs again: it never runs on the keystroke itself. */
export const PREFLIGHT_DELAY_MS = 400;

export type PreflightFields = Omit<PreflightStory, 'body'>;

/** The same results, so the panel need not render again (preflight runs after every pause in typing). */
function sameResults(a: readonly PreflightResult[], b: readonly PreflightResult[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Preflight's results for the open story, run again a moment after the fields, the body or the settings change.
 * Only the body's changed blocks are converted and scanned again; the rest come from caches kept per story. While a
 * run is pending, `stateOf`'s element says `data-preflight-state="checking"` (set on the element, not through React:
 * a keystroke renders nothing outside the body); the panel renders again only when the results change.
 */
export function usePreflightResults(
  fields: PreflightFields,
  editor: Editor | null,
  settings: PreflightSettings,
  stateOf: RefObject<HTMLElement | null>,
): PreflightResult[] {
  const blockJson = useRef(new WeakMap<ProseMirrorNode, BodyNode>());
  const scans = useRef<BlockScanCache>(new WeakMap());
  const latest = useRef({ fields, editor, settings });
  latest.current = { fields, editor, settings };
  const compute = () => {
    const { fields: now, editor: current, settings: levels } = latest.current;
    if (!current || current.isDestroyed) return [];
    return runPreflight({ ...now, body: bodyBlocksJson(current.state.doc, blockJson.current) }, levels, scans.current);
  };
  const [results, setResults] = useState(compute);

  useEffect(() => {
    const said = (state: 'checking' | 'current') => {
      // Written only when it changes: an attribute write per key would restyle the panel per key.
      if (stateOf.current && stateOf.current.dataset.preflightState !== state) stateOf.current.dataset.preflightState = state;
    };
    const quiet = afterQuiet(() => {
      const next = compute();
      setResults((previous) => (sameResults(previous, next) ? previous : next));
      said('current');
    }, PREFLIGHT_DELAY_MS);
    const schedule = () => {
      said('checking');
      quiet.poke();
    };
    schedule();
    editor?.on('update', schedule);
    return () => {
      quiet.cancel();
      editor?.off('update', schedule);
    };
    // compute reads the latest values through a ref.
  }, [editor, fields, settings, stateOf]);

  return results;
}

import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { runPreflight, type BlockScanCache, type PreflightResult, type PreflightSettings, type PreflightStory } from '../../../shared/preflight/index.js';
import type { BodyNode } from '../../../shared/story.js';
import { bodyBlocksJson } from './bodyBlocksJson.js';

/** How long typing must pause before preflight runs again: it never runs on the keystroke itself. */
export const PREFLIGHT_DELAY_MS = 400;

export type PreflightFields = Omit<PreflightStory, 'body'>;

/**
 * Preflight's results for the open story, run again a moment after the fields, the body or the settings change.
 * Only the body's changed blocks are converted and scanned again; the rest come from caches kept per story.
 */
export function usePreflightResults(fields: PreflightFields, editor: Editor | null, settings: PreflightSettings): { results: PreflightResult[]; current: boolean } {
  const blockJson = useRef(new WeakMap<ProseMirrorNode, BodyNode>());
  const scans = useRef<BlockScanCache>(new WeakMap());
  const latest = useRef({ fields, editor, settings });
  latest.current = { fields, editor, settings };
  const compute = () => {
    const { fields: now, editor: current, settings: levels } = latest.current;
    if (!current || current.isDestroyed) return [];
    return runPreflight({ ...now, body: bodyBlocksJson(current.state.doc, blockJson.current) }, levels, scans.current);
  };
  const [state, setState] = useState(() => ({ results: compute(), current: true }));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      setState((previous) => (previous.current ? { ...previous, current: false } : previous));
      timer = setTimeout(() => setState({ results: compute(), current: true }), PREFLIGHT_DELAY_MS);
    };
    schedule();
    editor?.on('update', schedule);
    return () => {
      clearTimeout(timer);
      editor?.off('update', schedule);
    };
    // compute reads the latest values through a ref.
  }, [editor, fields, settings]);

  return state;
}

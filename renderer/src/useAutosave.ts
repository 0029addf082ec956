import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult } from '../../shared/contract.js';
import type { StoryEdit } from '../../shared/story.js';
import { call } from './api.js';
import { StorySaver, type FlushResult, type SaveState } from './StorySaver.js';

export interface AutosaveOptions {
  storyId: string;
  revision: number;
  /** Read at save time, so the body never has to live in React state. */
  getFields: () => StoryEdit;
  onSaved: (result: SaveResult) => void;
}

export interface Autosave {
  state: SaveState;
  markDirty: () => void;
  flush: () => Promise<FlushResult>;
}

/** Autosaves the open story about a second after the last edit, and at once when the window loses focus. */
export function useAutosave({ storyId, revision, getFields, onSaved }: AutosaveOptions): Autosave {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const saverRef = useRef<StorySaver | null>(null);
  const latest = useRef({ getFields, onSaved });
  latest.current = { getFields, onSaved };

  useEffect(() => {
    const saver = new StorySaver({
      storyId,
      revision,
      getFields: () => latest.current.getFields(),
      save: (input) => call('saveStory', input),
      onSaved: (result) => latest.current.onSaved(result),
      onState: setState,
    });
    saverRef.current = saver;
    setState(saver.currentState);
    const flushOnBlur = () => void saver.flush();
    window.addEventListener('blur', flushOnBlur);
    return () => {
      window.removeEventListener('blur', flushOnBlur);
      saver.dispose();
      if (saverRef.current === saver) saverRef.current = null;
    };
    // One saver per open story: the revision is only its starting point.
  }, [storyId]);

  const markDirty = useCallback(() => saverRef.current?.markDirty(), []);
  const flush = useCallback(
    (): Promise<FlushResult> => saverRef.current?.flush() ?? Promise.resolve({ ok: true }),
    [],
  );
  return { state, markDirty, flush };
}

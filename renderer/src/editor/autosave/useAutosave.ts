import { useCallback, useEffect, useRef } from 'react';
import type { SaveResult } from '../../../../shared/contract.js';
import type { StoryEdit } from '../../../../shared/story.js';
import { call } from '../../api.js';
import { saveStateChanged } from '../openStoryStore.js';
import { StorySaver, type FlushResult } from './StorySaver.js';

export interface AutosaveOptions {
  storyId: string;
  revision: number;
  /** Read at save time, so the body never has to live in React state. */
  getFields: () => StoryEdit;
  onSaved: (result: SaveResult) => void;
}

export interface Autosave {
  markDirty: () => void;
  flush: () => Promise<FlushResult>;
  /** Runs a main-process change to the story between saves (see StorySaver.change). */
  change: <T extends { revision: number }>(apply: (baseRevision: number) => Promise<T>) => Promise<T>;
}

/**
 * Autosaves the open story about a second after the last edit, and at once when the window loses focus. Its save state
 * goes to openStoryStore, not to React state here: a change of it ("Unsaved changes" once per burst of typing)
 * re-renders what shows it, not the editor.
 */
export function useAutosave({ storyId, revision, getFields, onSaved }: AutosaveOptions): Autosave {
  const saverRef = useRef<StorySaver | null>(null);
  const latest = useRef({ getFields, onSaved });
  latest.current = { getFields, onSaved };

  useEffect(() => {
    // One editing session per opened story: its first save keeps a revision of the stored version.
    const session = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const saver = new StorySaver({
      storyId,
      revision,
      getFields: () => latest.current.getFields(),
      save: (input) => call('saveStory', { ...input, session }),
      onSaved: (result) => latest.current.onSaved(result),
      onState: saveStateChanged,
    });
    saverRef.current = saver;
    saveStateChanged(saver.currentState);
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
  const change = useCallback(<T extends { revision: number }>(apply: (baseRevision: number) => Promise<T>): Promise<T> => {
    const saver = saverRef.current;
    return saver ? saver.change(apply) : Promise.reject(new Error('The story is closed.'));
  }, []);
  return { markDirty, flush, change };
}

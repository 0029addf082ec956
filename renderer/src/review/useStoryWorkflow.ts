import { useCallback, useRef, useState } from 'react';
import type { SaveResult, StoryChange } from '../../../shared/contract.js';
import type { Story, StoryStatus } from '../../../shared/story.js';
import { call, errorMessage } from '../api.js';

type Workflow = Pick<Story, 'status' | 'statusHistory' | 'notes'>;
type Panel = 'status' | 'notes';

interface StoryWorkflowOptions {
  story: Story;
  /** Runs a main-process change to the story between autosaves (the autosave's `change`). */
  change: (apply: (baseRevision: number) => Promise<StoryChange>) => Promise<StoryChange>;
  onSaved: (result: SaveResult) => void;
}

/** The open story's status and editor's notes: changed by the main process between saves, one change at a time. */
export function useStoryWorkflow({ story, change, onSaved }: StoryWorkflowOptions) {
  const [workflow, setWorkflow] = useState<Workflow>(() => ({ status: story.status, statusHistory: story.statusHistory, notes: story.notes }));
  const [busy, setBusy] = useState<Panel | null>(null);
  const [error, setError] = useState<{ panel: Panel; message: string } | null>(null);
  const busyRef = useRef(false);
  const id = story.id;

  // The saver takes the changed story's revision as its base.
  const apply = useCallback(
    async (panel: Panel, run: (baseRevision: number) => Promise<StoryChange>, failure: string): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(panel);
      setError(null);
      try {
        const result = await change(run);
        setWorkflow({ status: result.story.status, statusHistory: result.story.statusHistory, notes: result.story.notes });
        onSaved({ changed: true, revision: result.revision, updatedAt: result.updatedAt, summary: result.summary });
        return true;
      } catch (caught) {
        setError({ panel, message: `${failure}: ${errorMessage(caught)}` });
        return false;
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [change, onSaved],
  );

  const setStatus = useCallback(
    (status: StoryStatus) =>
      void apply('status', (baseRevision) => call('setStoryStatus', { id, baseRevision, status }), 'The status was not changed'),
    [apply, id],
  );
  const addNote = useCallback(
    (text: string) => apply('notes', (baseRevision) => call('addStoryNote', { id, baseRevision, text }), 'The note was not added'),
    [apply, id],
  );
  const deleteNote = useCallback(
    (noteId: string) => void apply('notes', (baseRevision) => call('deleteStoryNote', { id, baseRevision, noteId }), 'The note was not deleted'),
    [apply, id],
  );

  return {
    workflow,
    busy: busy !== null,
    statusError: error?.panel === 'status' ? error.message : null,
    notesError: error?.panel === 'notes' ? error.message : null,
    setStatus,
    addNote,
    deleteNote,
  };
}

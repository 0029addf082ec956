import type { Editor } from '@tiptap/react';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Story, StoryEdit, StoryStatus } from '../../../shared/story.js';
import type { Autosave } from './autosave/useAutosave.js';
import type { EditableFields } from './editableFields.js';
import { sessionEnded, sessionStarted, type EditorSession, type SectionRename } from './openStoryStore.js';

interface EditorSessionOptions {
  story: Story;
  editor: Editor;
  rootRef: RefObject<HTMLElement | null>;
  flush: Autosave['flush'];
  change: Autosave['change'];
  getFields: () => StoryEdit;
  /** The fields in React state now (no body: cheaper than getFields). */
  fieldsRef: RefObject<EditableFields>;
  setStatus: (status: StoryStatus) => void;
  /** Changes fields without marking them as edited (they come from a saved change). */
  setFields: (patch: Partial<EditableFields>) => void;
}

/** Offers the window the mounted editor's commands (openStoryStore's session) for as long as it is mounted. */
export function useEditorSession(options: EditorSessionOptions): void {
  const latest = useRef(options);
  latest.current = options;
  const { story, editor } = options;

  // In the layout phase, like a ref: the session is there as soon as the editor is on screen.
  useLayoutEffect(() => {
    const session: EditorSession = {
      storyId: story.id,
      flush: () => latest.current.flush(),
      fields: () => latest.current.getFields(),
      setStatus: (status) => latest.current.setStatus(status),
      focusNotes: () => latest.current.rootRef.current?.querySelector<HTMLTextAreaElement>('.note-form textarea')?.focus(),
      renameSection: async (from, to, run) => {
        const { renamed } = await latest.current.change(async (baseRevision) => {
          const result: SectionRename = await run();
          const mine = result.updated.find((entry) => entry.id === story.id);
          if (mine && latest.current.fieldsRef.current.section === from) latest.current.setFields({ section: to });
          return { revision: mine?.revision ?? baseRevision, renamed: result };
        });
        return renamed;
      },
      release: () => editor.destroy(),
    };
    sessionStarted(session);
    return () => sessionEnded(session);
  }, [story.id, editor]);
}

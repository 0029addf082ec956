import type { Editor } from '@tiptap/react';
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SaveResult } from '../../../shared/contract.js';
import type { LibrarySettings } from '../../../shared/librarySettings.js';
import { STORY_TEXT_MAX, type BodyNode, type CommentThread, type Story, type StoryEdit } from '../../../shared/story.js';
import { call } from '../api.js';
import { PreflightPanel } from '../preflight/index.js';
import { CommentsPanel, HistoryDialog, NotesPanel, StatusPanel, SuggestableTextField, SuggestionsPanel, useStoryWorkflow } from '../review/index.js';
import { TextField } from '../ui/TextField.js';
import { useIsNarrower } from '../ui/useIsNarrower.js';
import { ConflictNotice } from './autosave/ConflictNotice.js';
import { useAutosave } from './autosave/useAutosave.js';
import { BodyEditor } from './body/BodyEditor.js';
import { editableFields, type EditableFields } from './editableFields.js';
import { LeadImageField } from './leadImage/LeadImageField.js';
import { historyClosed, historyOpened, useOpenStoryStore } from './openStoryStore.js';
import { PublishingPanel } from './publishingDetails/PublishingPanel.js';
import { StoryTextFields } from './StoryTextFields.js';
import { useEditorSession } from './useEditorSession.js';
import { useStoryBody } from './useStoryBody.js';

/** Below this width the side column (lead image, publishing) moves into the story, before the body. */
const ONE_COLUMN_BELOW_PX = 830;

interface StoryEditorProps {
  story: Story;
  /** Put the caret in the headline once mounted (a new story). */
  focusHeadline: boolean;
  /** The library open now, for the window title. */
  libraryName: string;
  sections: readonly string[];
  /** The export settings' time zone, in which the publish date is shown and typed. */
  timeZone: string;
  /** The export settings' default language: a story set to it, or whose language is not detected, uses it. */
  libraryLanguage: string;
  /** The library's headline and dek length limits, for the counters. */
  limits: LibrarySettings;
  onSaved: (result: SaveResult) => void;
  onReload: () => void;
  onKeepMyVersion: (fields: StoryEdit) => void;
  onDuplicate: () => void;
  onTrash: () => void;
  /** A revision was restored: show the story as it is now. */
  onRestored: (story: Story) => void;
}

/**
 * The open story: structured fields in React state, the body in TipTap, autosaved together. While mounted it offers
 * the window an EditorSession (openStoryStore) and reports its save state there.
 */
export const StoryEditor = memo(function StoryEditor(props: StoryEditorProps) {
  const { story, libraryName, sections, timeZone, libraryLanguage, limits, onSaved } = props;
  const [fields, setFields] = useState<EditableFields>(() => editableFields(story));
  const fieldsRef = useRef(fields);
  const headlineRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const bodyLabelId = useId();
  const rootRef = useRef<HTMLElement>(null);
  // In one column the side panels go before the body, not after a long story.
  const oneColumn = useIsNarrower(rootRef, ONE_COLUMN_BELOW_PX);

  const editorRef = useRef<Editor | null>(null);
  const getFields = useCallback(
    (): StoryEdit => ({ ...fieldsRef.current, body: (editorRef.current?.getJSON() as BodyNode | undefined) ?? story.body }),
    [story.body],
  );
  const { markDirty, flush, change } = useAutosave({ storyId: story.id, revision: story.revision, getFields, onSaved });
  const editor = useStoryBody(story.body, bodyLabelId, markDirty);
  editorRef.current = editor;
  const review = useStoryWorkflow({ story, change, onSaved });
  const historyOpen = useOpenStoryStore((store) => store.historyOpen);
  const conflict = useOpenStoryStore((store) => store.saveState?.kind === 'conflict');

  const setFieldsFromOutside = useCallback((patch: Partial<EditableFields>) => {
    fieldsRef.current = { ...fieldsRef.current, ...patch };
    setFields(fieldsRef.current);
  }, []);
  useEditorSession({ story, editor, rootRef, flush, change, getFields, fieldsRef, setStatus: review.setStatus, setFields: setFieldsFromOutside });
  const focusHeadlineOnMount = useRef(props.focusHeadline);
  useEffect(() => {
    if (focusHeadlineOnMount.current) headlineRef.current?.focus();
  }, []);

  const loadCurrent = useCallback(async () => {
    const flushed = await flush();
    if (!flushed.ok) throw new Error(`the story could not be saved first: ${flushed.message}`);
    return call('getStory', { id: story.id });
  }, [flush, story.id]);
  const restoreRevision = useCallback(
    async (revisionId: string) => {
      const restored = await change((baseRevision) => call('restoreRevision', { id: story.id, revisionId, baseRevision }));
      historyClosed();
      props.onRestored(restored);
    },
    [change, props.onRestored, story.id],
  );

  const update = useCallback(
    (patch: Partial<EditableFields>) => {
      setFieldsFromOutside(patch);
      markDirty();
    },
    [markDirty, setFieldsFromOutside],
  );

  const updateComments = useCallback((comments: CommentThread[]) => update({ comments }), [update]);

  useEffect(() => {
    document.title = [fields.headline.trim() || 'Untitled', libraryName, 'Copydesk'].filter(Boolean).join(' — ');
  }, [fields.headline, libraryName]);

  const sidePanels = (
    <>
      <StatusPanel
        status={review.workflow.status}
        history={review.workflow.statusHistory}
        busy={review.busy}
        error={review.statusError}
        onChange={review.setStatus}
        onDuplicate={props.onDuplicate}
        onTrash={props.onTrash}
        onHistory={historyOpened}
      />
      <PreflightPanel fields={fields} editor={editor} settings={limits} rootRef={rootRef} />
      <SuggestionsPanel editor={editor} />
      <CommentsPanel editor={editor} comments={fields.comments} onChange={updateComments} />
      {/* Each panel takes the fields it shows (image…, slug, tags, publishedAt, headline) and reports changes. */}
      <LeadImageField {...fields} onChange={update} />
      <PublishingPanel {...fields} timeZone={timeZone} libraryLanguage={libraryLanguage} bodyText={() => editor?.getText() ?? ''} onChange={update} />
      <NotesPanel notes={review.workflow.notes} busy={review.busy} error={review.notesError} onAdd={review.addNote} onDelete={review.deleteNote} />
    </>
  );

  return (
    <article ref={rootRef} className="story-editor" data-story-id={story.id} aria-label="Story editor">
      {conflict && <ConflictNotice onKeepMyVersion={() => props.onKeepMyVersion(getFields())} onReload={props.onReload} />}
      {historyOpen && <HistoryDialog storyId={story.id} loadCurrent={loadCurrent} onRestore={restoreRevision} onClose={historyClosed} />}
      <div className={oneColumn ? 'story-columns is-one-column' : 'story-columns'}>
        <div className="story-main">
          <StoryTextFields fields={fields} sections={sections} limits={limits} headlineRef={headlineRef} onChange={update} />
          <div className="story-byline-row">
            <SuggestableTextField
              field="byline"
              label="Byline"
              className="field-byline field-half"
              value={fields.byline}
              suggestions={fields.fieldSuggestions}
              maxLength={STORY_TEXT_MAX.byline}
              wraps
              onChange={update}
            />
            <TextField
              label="Dateline"
              className="field-dateline field-half"
              value={fields.dateline}
              maxLength={STORY_TEXT_MAX.dateline}
              placeholder="TOKYO —"
              hint="Printed before the first paragraph."
              onChange={(dateline) => update({ dateline })}
            />
          </div>
          {oneColumn && sidePanels}
          <BodyEditor editor={editor} labelId={bodyLabelId} />
        </div>
        {!oneColumn && (
          <aside className="story-side" aria-label="Story details">
            {sidePanels}
          </aside>
        )}
      </div>
    </article>
  );
});

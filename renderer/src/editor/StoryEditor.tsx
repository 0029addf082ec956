import { useEditor, type Editor } from '@tiptap/react';
import { memo, useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { ChannelOutput, SaveResult, StoryChange } from '../../../shared/contract.js';
import type { LibrarySettings } from '../../../shared/librarySettings.js';
import type { BodyNode, Story, StoryEdit, StoryFields, StoryMeta, StoryStatus } from '../../../shared/story.js';
import { createStoryExtensions } from '../../../shared/storyExtensions.js';
import { call, errorMessage } from '../api.js';
import type { FlushResult, SaveState } from './autosave/StorySaver.js';
import { useAutosave } from './autosave/useAutosave.js';
import { useIsNarrower } from '../ui/useIsNarrower.js';
import { BodyEditor } from './body/BodyEditor.js';
import { HistoryDialog } from '../review/HistoryDialog.js';
import { LeadImageField } from './leadImage/LeadImageField.js';
import { NotesPanel } from '../review/NotesPanel.js';
import { StatusPanel } from '../review/StatusPanel.js';
import { PublishingPanel } from '../publishing/panel/PublishingPanel.js';
import { TextField } from '../ui/TextField.js';

type EditableFields = Omit<StoryFields, 'body'> & StoryMeta;
type Workflow = Pick<Story, 'status' | 'statusHistory' | 'notes'>;

/** Below this width the side column (lead image, publishing) moves into the story, before the body. */
const ONE_COLUMN_BELOW_PX = 830;

export interface StoryEditorHandle {
  /** Saves now; resolves when everything is saved or with why not. */
  flush: () => Promise<FlushResult>;
  /** The fields as they are in the editor now, saved or not. */
  getFields: () => StoryEdit;
  focusHeadline: () => void;
  /** Destroys the body editor now, before another story's editor is created (see App). */
  releaseEditor: () => void;
  /** Sets the workflow status, between saves. */
  setStatus: (status: StoryStatus) => void;
  /** True when every edit is saved. */
  isClean: () => boolean;
  openHistory: () => void;
  focusNotes: () => void;
  /**
   * Runs a section rename between saves: the edits are saved first and no save starts while it runs. If it renamed
   * this story, the editor takes the story's new revision as its base and the new section, keeping any typing since.
   */
  renameSection: (from: string, to: string, run: () => Promise<SectionRename>) => Promise<SectionRename>;
}

export type SectionRename = ChannelOutput<'renameSection'>;

interface StoryEditorProps {
  story: Story;
  /** The library open now, for the window title. */
  libraryName: string;
  sections: readonly string[];
  /** The export settings' time zone, in which the publish date is shown and typed. */
  timeZone: string;
  /** The library's headline and dek length limits, for the counters. */
  limits: LibrarySettings;
  onSaved: (result: SaveResult) => void;
  onSaveStateChange: (state: SaveState) => void;
  onReload: () => void;
  onKeepMyVersion: (fields: StoryEdit) => void;
  onDuplicate: () => void;
  onTrash: () => void;
  /** A revision was restored: show the story as it is now. */
  onRestored: (story: Story) => void;
  ref?: Ref<StoryEditorHandle>;
}

/** The open story: structured fields in React state, the body in TipTap, autosaved together. */
export const StoryEditor = memo(function StoryEditor({
  story,
  libraryName,
  sections,
  timeZone,
  limits,
  onSaved,
  onSaveStateChange,
  onReload,
  onKeepMyVersion,
  onDuplicate,
  onTrash,
  onRestored,
  ref,
}: StoryEditorProps) {
  const [fields, setFields] = useState<EditableFields>(() => editableFields(story));
  const fieldsRef = useRef(fields);
  const headlineRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const dekRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const bodyLabelId = useId();
  const rootRef = useRef<HTMLElement>(null);
  // In one column the side panels go before the body, not after a long story.
  const oneColumn = useIsNarrower(rootRef, ONE_COLUMN_BELOW_PX);
  const sectionListId = useId();

  const editorRef = useRef<Editor | null>(null);
  const getFields = useCallback(
    (): StoryEdit => ({ ...fieldsRef.current, body: (editorRef.current?.getJSON() as BodyNode | undefined) ?? story.body }),
    [story.body],
  );
  const { state, markDirty, flush, change } = useAutosave({ storyId: story.id, revision: story.revision, getFields, onSaved });

  const stateRef = useRef(state);
  stateRef.current = state;

  const [workflow, setWorkflow] = useState<Workflow>(() => ({ status: story.status, statusHistory: story.statusHistory, notes: story.notes }));
  const [workflowBusy, setWorkflowBusy] = useState<'status' | 'notes' | null>(null);
  const [workflowError, setWorkflowError] = useState<{ panel: 'status' | 'notes'; message: string } | null>(null);
  const busyRef = useRef(false);
  // Status and notes are changed by the main process between autosaves; the saver takes the new revision as its base.
  const applyWorkflow = useCallback(
    async (panel: 'status' | 'notes', apply: (baseRevision: number) => Promise<StoryChange>, failure: string): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setWorkflowBusy(panel);
      setWorkflowError(null);
      try {
        const result = await change(apply);
        setWorkflow({ status: result.story.status, statusHistory: result.story.statusHistory, notes: result.story.notes });
        onSaved({ changed: true, revision: result.revision, updatedAt: result.updatedAt, summary: result.summary });
        return true;
      } catch (error) {
        setWorkflowError({ panel, message: `${failure}: ${errorMessage(error)}` });
        return false;
      } finally {
        busyRef.current = false;
        setWorkflowBusy(null);
      }
    },
    [change, onSaved],
  );
  const [historyOpen, setHistoryOpen] = useState(false);
  const loadCurrent = useCallback(async () => {
    const flushed = await flush();
    if (!flushed.ok) throw new Error(`the story could not be saved first: ${flushed.message}`);
    return call('getStory', { id: story.id });
  }, [flush, story.id]);
  const restoreRevision = useCallback(
    async (revisionId: string) => {
      const restored = await change((baseRevision) => call('restoreRevision', { id: story.id, revisionId, baseRevision }));
      setHistoryOpen(false);
      onRestored(restored);
    },
    [change, onRestored, story.id],
  );

  const setStatus = useCallback(
    (status: StoryStatus) =>
      void applyWorkflow('status', (baseRevision) => call('setStoryStatus', { id: story.id, baseRevision, status }), 'The status was not changed'),
    [applyWorkflow, story.id],
  );
  const addNote = useCallback(
    (text: string) => applyWorkflow('notes', (baseRevision) => call('addStoryNote', { id: story.id, baseRevision, text }), 'The note was not added'),
    [applyWorkflow, story.id],
  );
  const deleteNote = useCallback(
    (noteId: string) =>
      void applyWorkflow('notes', (baseRevision) => call('deleteStoryNote', { id: story.id, baseRevision, noteId }), 'The note was not deleted'),
    [applyWorkflow, story.id],
  );

  const renameSection = useCallback(
    async (from: string, to: string, run: () => Promise<SectionRename>) => {
      const { renamed } = await change(async (baseRevision) => {
        const result = await run();
        const mine = result.updated.find((entry) => entry.id === story.id);
        if (mine && fieldsRef.current.section === from) {
          fieldsRef.current = { ...fieldsRef.current, section: to };
          setFields(fieldsRef.current);
        }
        return { revision: mine?.revision ?? baseRevision, renamed: result };
      });
      return renamed;
    },
    [change, story.id],
  );

  const [extensions] = useState(createStoryExtensions);
  const editorProps = useMemo(
    () => ({
      attributes: {
        'aria-labelledby': bodyLabelId,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'story-body',
        spellcheck: 'true',
      },
    }),
    [bodyLabelId],
  );
  const editor = useEditor({
    extensions,
    content: story.body,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps,
    onUpdate: markDirty,
  });
  editorRef.current = editor;

  useEffect(() => onSaveStateChange(state), [state, onSaveStateChange]);

  useImperativeHandle(
    ref,
    () => ({
      flush,
      getFields,
      focusHeadline: () => headlineRef.current?.focus(),
      releaseEditor: () => editor.destroy(),
      setStatus,
      isClean: () => stateRef.current.kind === 'saved',
      openHistory: () => setHistoryOpen(true),
      focusNotes: () => rootRef.current?.querySelector<HTMLTextAreaElement>('.note-form textarea')?.focus(),
      renameSection,
    }),
    [flush, getFields, editor, setStatus, renameSection],
  );

  const update = useCallback(
    (patch: Partial<EditableFields>) => {
      fieldsRef.current = { ...fieldsRef.current, ...patch };
      setFields(fieldsRef.current);
      markDirty();
    },
    [markDirty],
  );

  useEffect(() => {
    document.title = [fields.headline.trim() || 'Untitled', libraryName, 'Copydesk'].filter(Boolean).join(' — ');
  }, [fields.headline, libraryName]);

  const sidePanels = (
    <>
      <StatusPanel
        status={workflow.status}
        history={workflow.statusHistory}
        busy={workflowBusy !== null}
        error={workflowError?.panel === 'status' ? workflowError.message : null}
        onChange={setStatus}
        onDuplicate={onDuplicate}
        onTrash={onTrash}
        onHistory={() => setHistoryOpen(true)}
      />
      <LeadImageField
        image={fields.image}
        imageCredit={fields.imageCredit}
        imageCaption={fields.imageCaption}
        imageAlt={fields.imageAlt}
        onChange={update}
      />
      <PublishingPanel
        slug={fields.slug}
        tags={fields.tags}
        publishedAt={fields.publishedAt}
        headline={fields.headline}
        timeZone={timeZone}
        onChange={update}
      />
      <NotesPanel
        notes={workflow.notes}
        busy={workflowBusy !== null}
        error={workflowError?.panel === 'notes' ? workflowError.message : null}
        onAdd={addNote}
        onDelete={deleteNote}
      />
    </>
  );

  return (
    <article ref={rootRef} className="story-editor" data-story-id={story.id} aria-label="Story editor">
      {state.kind === 'conflict' && (
        <div className="notice notice-error story-conflict" role="alert">
          <div className="notice-text">
            <p className="notice-title">This story was changed elsewhere, so your latest edits were not saved.</p>
            <p>Keep your version as a new story beside the other one, or reload to continue from the saved version.</p>
          </div>
          <button type="button" className="button button-primary" onClick={() => onKeepMyVersion(getFields())}>
            Keep my version as a new story
          </button>
          <button type="button" className="button" onClick={onReload}>
            Reload story
          </button>
        </div>
      )}
      {historyOpen && (
        <HistoryDialog storyId={story.id} loadCurrent={loadCurrent} onRestore={restoreRevision} onClose={() => setHistoryOpen(false)} />
      )}
      <div className={oneColumn ? 'story-columns is-one-column' : 'story-columns'}>
        <div className="story-main">
          <TextField
            label="Section"
            className="field-section field-half"
            value={fields.section}
            maxLength={100}
            list={sectionListId}
            onChange={(section) => update({ section })}
          />
          <datalist id={sectionListId}>
            {sections.map((section) => (
              <option key={section} value={section} />
            ))}
          </datalist>
          <TextField
            label="Headline"
            className="field-headline"
            value={fields.headline}
            maxLength={500}
            limit={limits.headlineLimit}
            inputRef={headlineRef}
            onChange={(headline) => update({ headline })}
            onKeyDown={(event) => {
              // Enter that confirms an IME composition (Japanese, Chinese, Korean input) is not a field change.
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                event.preventDefault();
                dekRef.current?.focus();
              }
            }}
          />
          <TextField
            label="Dek"
            className="field-dek"
            value={fields.dek}
            maxLength={2000}
            limit={limits.dekLimit}
            multiline
            rows={2}
            inputRef={dekRef}
            onChange={(dek) => update({ dek })}
          />
          <TextField
            label="Byline"
            className="field-byline field-half"
            value={fields.byline}
            maxLength={300}
            onChange={(byline) => update({ byline })}
          />
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

function editableFields(story: Story): EditableFields {
  return {
    section: story.section,
    headline: story.headline,
    dek: story.dek,
    byline: story.byline,
    image: story.image,
    imageCredit: story.imageCredit,
    imageCaption: story.imageCaption,
    imageAlt: story.imageAlt,
    slug: story.slug,
    tags: story.tags,
    publishedAt: story.publishedAt,
  };
}

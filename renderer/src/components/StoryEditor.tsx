import { useEditor, type Editor } from '@tiptap/react';
import { memo, useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { SaveResult } from '../../../shared/contract.js';
import type { BodyNode, Story, StoryEdit, StoryFields, StoryMeta } from '../../../shared/story.js';
import { createStoryExtensions } from '../../../shared/storyExtensions.js';
import type { FlushResult, SaveState } from '../StorySaver.js';
import { useAutosave } from '../useAutosave.js';
import { useIsNarrower } from '../useIsNarrower.js';
import { BodyEditor } from './BodyEditor.js';
import { LeadImageField } from './LeadImageField.js';
import { PublishingPanel } from './PublishingPanel.js';
import { TextField } from './TextField.js';

type EditableFields = Omit<StoryFields, 'body'> & StoryMeta;

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
}

interface StoryEditorProps {
  story: Story;
  sections: readonly string[];
  /** The export settings' time zone, in which the publish date is shown and typed. */
  timeZone: string;
  onSaved: (result: SaveResult) => void;
  onSaveStateChange: (state: SaveState) => void;
  onReload: () => void;
  onKeepMyVersion: (fields: StoryEdit) => void;
  ref?: Ref<StoryEditorHandle>;
}

/** The open story: structured fields in React state, the body in TipTap, autosaved together. */
export const StoryEditor = memo(function StoryEditor({
  story,
  sections,
  timeZone,
  onSaved,
  onSaveStateChange,
  onReload,
  onKeepMyVersion,
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
  const { state, markDirty, flush } = useAutosave({ storyId: story.id, revision: story.revision, getFields, onSaved });

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
    () => ({ flush, getFields, focusHeadline: () => headlineRef.current?.focus(), releaseEditor: () => editor.destroy() }),
    [flush, getFields, editor],
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
    document.title = `${fields.headline.trim() || 'Untitled'} — Copydesk`;
  }, [fields.headline]);

  const sidePanels = (
    <>
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

import { useEditor, type Editor } from '@tiptap/react';
import { memo, useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { SaveResult } from '../../../shared/contract.js';
import type { BodyNode, Story, StoryFields } from '../../../shared/story.js';
import { createStoryExtensions } from '../../../shared/storyExtensions.js';
import type { FlushResult, SaveState } from '../StorySaver.js';
import { useAutosave } from '../useAutosave.js';
import { useMediaQuery } from '../useMediaQuery.js';
import { BodyEditor } from './BodyEditor.js';
import { LeadImageField } from './LeadImageField.js';
import { TextField } from './TextField.js';

type EditableFields = Omit<StoryFields, 'body'>;

const ONE_COLUMN = '(max-width: 1100px)';

export interface StoryEditorHandle {
  /** Saves now; resolves when everything is saved or with why not. */
  flush: () => Promise<FlushResult>;
  focusHeadline: () => void;
  /** Destroys the body editor now, before another story's editor is created (see App). */
  releaseEditor: () => void;
}

interface StoryEditorProps {
  story: Story;
  sections: readonly string[];
  onSaved: (result: SaveResult) => void;
  onSaveStateChange: (state: SaveState) => void;
  onReload: () => void;
  onKeepMyVersion: (fields: StoryFields) => void;
  ref?: Ref<StoryEditorHandle>;
}

/** The open story: structured fields in React state, the body in TipTap, autosaved together. */
export const StoryEditor = memo(function StoryEditor({
  story,
  sections,
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
  // In one column the lead image goes before the body, not after a long story.
  const oneColumn = useMediaQuery(ONE_COLUMN);
  const sectionListId = useId();

  const editorRef = useRef<Editor | null>(null);
  const getFields = useCallback(
    (): StoryFields => ({ ...fieldsRef.current, body: (editorRef.current?.getJSON() as BodyNode | undefined) ?? story.body }),
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
    () => ({ flush, focusHeadline: () => headlineRef.current?.focus(), releaseEditor: () => editor.destroy() }),
    [flush, editor],
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

  const leadImage = (
    <LeadImageField
      image={fields.image}
      imageCredit={fields.imageCredit}
      imageCaption={fields.imageCaption}
      imageAlt={fields.imageAlt}
      onChange={update}
    />
  );

  return (
    <article className="story-editor" data-story-id={story.id} aria-label="Story editor">
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
      <div className="story-columns">
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
          {oneColumn && leadImage}
          <BodyEditor editor={editor} labelId={bodyLabelId} />
        </div>
        {!oneColumn && <aside className="story-side" aria-label="Story details">{leadImage}</aside>}
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
  };
}

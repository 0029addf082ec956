import { useId, useRef, type Ref } from 'react';
import type { LibrarySettings } from '../../../shared/librarySettings.js';
import { STORY_TEXT_MAX } from '../../../shared/story.js';
import { SuggestableTextField } from '../review/index.js';
import { TextField } from '../ui/TextField.js';
import type { EditableFields } from './editableFields.js';

interface StoryTextFieldsProps {
  fields: Pick<EditableFields, 'section' | 'headline' | 'dek' | 'fieldSuggestions'>;
  sections: readonly string[];
  /** The library's headline and dek length limits, for the counters. */
  limits: LibrarySettings;
  headlineRef: Ref<HTMLInputElement & HTMLTextAreaElement>;
  onChange: (patch: Partial<EditableFields>) => void;
}

/**
 * Section, headline and dek: the top of the story. Enter in the headline moves on to the dek. In Suggesting mode the
 * headline and dek take suggestions instead of changes.
 */
export function StoryTextFields({ fields, sections, limits, headlineRef, onChange }: StoryTextFieldsProps) {
  const sectionListId = useId();
  const dekRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  return (
    <>
      <TextField
        label="Section"
        className="field-section field-half"
        value={fields.section}
        maxLength={STORY_TEXT_MAX.section}
        list={sectionListId}
        onChange={(section) => onChange({ section })}
      />
      <datalist id={sectionListId}>
        {sections.map((section) => (
          <option key={section} value={section} />
        ))}
      </datalist>
      <SuggestableTextField
        field="headline"
        label="Headline"
        className="field-headline"
        value={fields.headline}
        suggestions={fields.fieldSuggestions}
        maxLength={STORY_TEXT_MAX.headline}
        limit={limits.headlineLimit}
        wraps
        inputRef={headlineRef}
        onChange={onChange}
        onKeyDown={(event) => {
          // Enter that confirms an IME composition (Japanese, Chinese, Korean input) is not a field change.
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            dekRef.current?.focus();
          }
        }}
      />
      <SuggestableTextField
        field="dek"
        label="Dek"
        className="field-dek"
        value={fields.dek}
        suggestions={fields.fieldSuggestions}
        maxLength={STORY_TEXT_MAX.dek}
        limit={limits.dekLimit}
        multiline
        rows={2}
        inputRef={dekRef}
        onChange={onChange}
      />
    </>
  );
}

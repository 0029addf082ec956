import type { FieldSuggestions, SuggestableField } from '../../../../shared/story.js';
import { useSettingsStore } from '../../settings/index.js';
import type { KeyboardEvent } from 'react';
import { matchesShortcut } from '../../ui/shortcut.js';
import { TextField, type TextFieldProps } from '../../ui/TextField.js';
import { FieldSuggestionBox } from './FieldSuggestionBox.js';
import { suggestFieldEdit, type FieldSuggestionPatch } from './fieldSuggestionEdits.js';
import { SUGGESTING_SHORTCUT } from './suggestingMode.js';
import { useSuggestingStore } from './suggestingStore.js';

interface SuggestableTextFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'hint' | 'hintTone' | 'below'> {
  field: SuggestableField;
  /** The field's stored value. */
  value: string;
  suggestions: FieldSuggestions;
  /** A change of the field's value, or (in Suggesting mode, on accept or reject) of its suggestion. */
  onChange: (patch: Partial<Record<SuggestableField, string>> | FieldSuggestionPatch) => void;
}

const SUGGESTING_HINT = 'Suggesting: your edit is a suggestion.';

/**
 * A headline, dek or byline that follows Suggesting mode: while it is on, the field shows the pending suggestion's text
 * and typing edits that suggestion (by the user named in Settings, now), never the stored value. Under the field, the
 * pending suggestion to accept or reject.
 */
export function SuggestableTextField({ field, value, suggestions, onChange, className, onKeyDown, ...rest }: SuggestableTextFieldProps) {
  const suggesting = useSuggestingStore((store) => store.on);
  // The body's Suggesting shortcut works here too: these fields follow the same mode.
  const keyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (matchesShortcut(event.nativeEvent, SUGGESTING_SHORTCUT)) {
      event.preventDefault();
      useSuggestingStore.getState().toggle?.();
      return;
    }
    onKeyDown?.(event);
  };
  const pending = suggestions[field];
  const box = <FieldSuggestionBox field={field} label={rest.label} value={value} suggestions={suggestions} suggesting={suggesting} onChange={onChange} />;
  if (!suggesting) return <TextField {...rest} onKeyDown={keyDown} className={className} value={value} onChange={(text) => onChange({ [field]: text })} below={box} />;
  return (
    <TextField
      {...rest}
      onKeyDown={keyDown}
      className={className ? `${className} is-suggesting` : 'is-suggesting'}
      value={pending?.proposed ?? value}
      hint={SUGGESTING_HINT}
      onChange={(proposed) =>
        onChange(suggestFieldEdit(suggestions, field, value, proposed, { author: useSettingsStore.getState().userName, at: new Date().toISOString() }))
      }
      below={box}
    />
  );
}

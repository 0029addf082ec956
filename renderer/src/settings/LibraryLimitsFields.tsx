import { useId, type Ref } from 'react';
import { Field } from '../ui/Field.js';
import { FieldHint } from '../ui/FieldHint.js';

export interface LimitsDraft {
  headlineLimit: string;
  dekLimit: string;
}

interface LibraryLimitsFieldsProps {
  draft: LimitsDraft;
  error: string | null;
  onChange: (patch: Partial<LimitsDraft>) => void;
  /** The headline limit's input, focused when the limits are refused. */
  headlineRef: Ref<HTMLInputElement>;
}

/** The library's headline and dek limits, as typed, with one note for both. */
export function LibraryLimitsFields({ draft, error, onChange, headlineRef }: LibraryLimitsFieldsProps) {
  return (
    <>
      <div className="settings-row settings-limits">
        <LimitField label="Headline limit" max={500} value={draft.headlineLimit} invalid={!!error} inputRef={headlineRef} onChange={(headlineLimit) => onChange({ headlineLimit })} />
        <LimitField label="Dek limit" max={2000} value={draft.dekLimit} invalid={!!error} onChange={(dekLimit) => onChange({ dekLimit })} />
      </div>
      <FieldHint error={error} hint="Characters; the editor shows a counter and warns beyond them." />
    </>
  );
}

interface LimitFieldProps {
  label: string;
  max: number;
  value: string;
  invalid: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
}

function LimitField({ label, max, value, invalid, inputRef, onChange }: LimitFieldProps) {
  const id = useId();
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        ref={inputRef}
        type="number"
        min={1}
        max={max}
        className="field-control"
        value={value}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

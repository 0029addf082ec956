import { useId, type ReactNode } from 'react';
import { Field } from '../ui/Field.js';
import { FieldHint } from '../ui/FieldHint.js';

export interface SettingsControlProps {
  id: string;
  name: string | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string;
}

interface SettingsFieldProps {
  label: string;
  /** The control's form name, when it has one. */
  name?: string;
  error: string | null | undefined;
  hint: string;
  /** The control, given the props that tie it to its label and note. */
  children: (props: SettingsControlProps) => ReactNode;
}

/** A labelled setting with its hint, or its error in place of the hint. */
export function SettingsField({ label, name, error, hint, children }: SettingsFieldProps) {
  const id = useId();
  const describedBy = `${id}-note`;
  return (
    <Field id={id} label={label}>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      <FieldHint id={describedBy} error={error} hint={hint} />
    </Field>
  );
}

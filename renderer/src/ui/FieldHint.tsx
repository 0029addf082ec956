import type { ReactNode } from 'react';

interface FieldHintProps {
  id?: string;
  /** Shown while there is no error; without one, nothing is shown until there is an error. */
  hint?: ReactNode;
  /** Shown in place of the hint and announced (role=alert). */
  error: string | null | undefined;
  tone?: 'error' | 'warning';
  className?: string;
}

/** The note under a field: its hint, or its error in place of the hint. */
export function FieldHint({ id, hint, error, tone = 'error', className }: FieldHintProps) {
  if (!error && hint === undefined) return null;
  const classes = error ? `field-hint field-hint-${tone}` : 'field-hint';
  return (
    <p id={id} className={className ? `${classes} ${className}` : classes} role={error ? 'alert' : undefined}>
      {error || hint}
    </p>
  );
}

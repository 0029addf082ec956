import type { ReactNode } from 'react';

/** A form field: its label, tied to the control with `id`, over the control and any note under it (passed as children). */
export function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

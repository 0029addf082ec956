import { useId } from 'react';
import { instantAt, offsetLabel, zonedTime } from '../../ui/zonedWallTime.js';

interface PublishDateFieldProps {
  /** ISO 8601 with offset, or null when not set. */
  publishedAt: string | null;
  /** The export settings' time zone: the date is typed, stored and exported in it. */
  timeZone: string;
  onChange: (publishedAt: string | null) => void;
}

/** When the story is published, as a date and time in the export time zone; empty means "use the last edit". */
export function PublishDateField({ publishedAt, timeZone, onChange }: PublishDateFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const zoned = publishedAt ? zonedTime(publishedAt, timeZone) : '';
  const zoneLabel = timeZone.replace(/_/g, ' ');
  return (
    <div className="field field-publish-date">
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          Publish date
        </label>
        {zoned && (
          <button type="button" className="link-button" aria-label="Clear publish date" onClick={() => onChange(null)}>
            Clear
          </button>
        )}
      </div>
      <input
        id={id}
        type="datetime-local"
        className="field-control"
        value={zoned.slice(0, 16)}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value ? instantAt(event.target.value, timeZone) : null)}
      />
      <p id={hintId} className="field-hint">
        {zoned
          ? `${zoneLabel} time (UTC${offsetLabel(zoned)}), from the export settings.`
          : 'Not set: exports use the time of the last edit.'}
      </p>
    </div>
  );
}

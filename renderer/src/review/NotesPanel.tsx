import { useId, useState, type FormEvent } from 'react';
import { NOTE_TEXT_MAX, type StoryNote } from '../../../shared/story.js';
import { formatFullDateTime, formatRelativeTime } from '../ui/formatRelativeTime.js';
import { useNow } from '../ui/useNow.js';

interface NotesPanelProps {
  notes: readonly StoryNote[];
  busy: boolean;
  error: string | null;
  /** Resolves true once the note is stored, so the draft can be cleared. */
  onAdd: (text: string) => Promise<boolean>;
  onDelete: (noteId: string) => void;
}

/** Editor's notes on the story: for the team, never exported. */
export function NotesPanel({ notes, busy, error, onAdd, onDelete }: NotesPanelProps) {
  const headingId = useId();
  const draftId = useId();
  const [draft, setDraft] = useState('');
  const now = useNow(30_000);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.trim() || busy) return;
    if (await onAdd(draft)) setDraft('');
  }

  return (
    <section className="panel notes-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Editor’s notes
      </h2>
      {notes.length === 0 ? (
        <p className="field-hint">No notes yet. Notes are for the team and never exported.</p>
      ) : (
        <ul className="note-list" aria-labelledby={headingId}>
          {notes.map((note) => (
            <li key={note.id} className="note">
              <p className="note-text">{note.text}</p>
              <p className="note-meta">
                <span>{note.by || 'Someone'}</span> ·{' '}
                <time dateTime={note.at} title={formatFullDateTime(note.at)}>
                  {formatRelativeTime(note.at, now)}
                </time>
                <button
                  type="button"
                  className="link-button note-delete"
                  aria-label={`Delete note: ${note.text.slice(0, 40)}`}
                  disabled={busy}
                  onClick={() => onDelete(note.id)}
                >
                  Delete
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      <form className="note-form" onSubmit={(event) => void submit(event)}>
        <label className="field-label" htmlFor={draftId}>
          New note
        </label>
        <textarea
          id={draftId}
          className="field-control"
          rows={2}
          maxLength={NOTE_TEXT_MAX}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit(event);
          }}
        />
        {error && (
          <p className="field-hint field-hint-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-small" disabled={busy || !draft.trim()}>
            Add note
          </button>
        </div>
      </form>
    </section>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SECTIONS_MAX, SectionNameSchema } from '../../../../shared/librarySettings.js';
import { errorMessage } from '../../api.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import { ActionIcon } from '../../ui/ActionIcon.js';

interface SectionsDialogProps {
  /** The library's managed list, in the order the Section field suggests it. */
  sections: readonly string[];
  /** How many stories have each section, by its exact name. */
  storyCounts: ReadonlyMap<string, number>;
  /** Stores a new list (add, remove, reorder) and resolves to the list as stored; throws with a message the user can read. */
  onSave: (sections: string[]) => Promise<string[]>;
  /** Renames a section in the list and in every story that has it; resolves to the list as stored and how many stories changed. */
  onRename: (from: string, to: string) => Promise<{ sections: string[]; count: number }>;
  onClose: () => void;
}

type Check = { ok: true; name: string } | { ok: false; message: string };

const stories = (count: number) => (count === 1 ? '1 story' : `${count} stories`);

/** A section name as the library would store it, or why it cannot be one: blank, too long, or already in the list. */
function checkName(raw: string, others: readonly string[]): Check {
  const parsed = SectionNameSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Not a section name.' };
  const clash = others.find((other) => other.toLocaleLowerCase() === parsed.data.toLocaleLowerCase());
  if (clash !== undefined) return { ok: false, message: `There is already a section “${clash}” (names are compared ignoring capitals).` };
  return { ok: true, name: parsed.data };
}

/**
 * The library's sections as a modal dialog: add, rename (in every story too), move up or down, remove from the list.
 * Each change is stored at once; Escape or Done closes it.
 */
export function SectionsDialog({ sections, storyCounts, onSave, onRename, onClose }: SectionsDialogProps) {
  const newNameRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModalDialog({ onCancel: onClose, initialFocus: newNameRef }).ref;
  const titleId = useId();
  const introId = useId();
  const newNameId = useId();
  const [newName, setNewName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ from: string; draft: string; error: string | null } | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [undo, setUndo] = useState<{ name: string; index: number } | null>(null);
  // Changes run one after another, each on the list as the one before it left it (the props follow a render later).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<readonly string[]>(sections);
  useEffect(() => {
    latest.current = sections;
  }, [sections]);
  // The control to focus once the list has re-rendered (a moved row's buttons are moved in the DOM and lose focus).
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const key = focusNext.current;
    if (key === null) return;
    focusNext.current = null;
    const target = key ? dialogRef.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
    (target ?? newNameRef.current)?.focus();
  }, [sections, renaming, dialogRef]);

  /**
   * Queues a change: changes made quickly one after another (a click while the last one is stored) all run, in order,
   * each given the list as stored by the one before. A failure is shown above the list and nothing else changes.
   * A change sets focusNext (the control to focus once the list shows it; '' for the new-section field) right before
   * it stores, so one that turns out to change nothing moves no focus.
   */
  function run(change: (current: readonly string[]) => Promise<string | void>): Promise<boolean> {
    const step = queue.current.then(async () => {
      setListError(null);
      try {
        const done = await change(latest.current);
        if (done) setAnnouncement(done);
        return true;
      } catch (error) {
        focusNext.current = null;
        setListError(errorMessage(error));
        return false;
      }
    });
    queue.current = step;
    return step;
  }

  /** Stores `next` and keeps it as the list the next queued change starts from. */
  async function store(next: string[]): Promise<void> {
    latest.current = await onSave(next);
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = checkName(newName, sections);
    if (!checked.ok) {
      setAddError(checked.message);
      newNameRef.current?.focus();
      return;
    }
    // The field is free for the next name at once; if this one cannot be added after all, it comes back with the reason.
    setNewName('');
    setAddError(null);
    const added = await append(checked.name);
    if (added !== true) {
      setNewName((typed) => typed || checked.name);
      if (added) {
        setAddError(added);
        newNameRef.current?.focus();
      }
    }
  }

  /** Adds a section at the end of the list; resolves to true, or why it was not added (false: shown above the list). */
  function append(name: string, focusKey: string | null = null): Promise<true | string | false> {
    let refused: string | null = null;
    return run(async (current) => {
      const checked = checkName(name, current);
      if (!checked.ok) refused = checked.message;
      else if (current.length >= SECTIONS_MAX) refused = `A library has at most ${SECTIONS_MAX} sections; remove one first.`;
      if (refused !== null) return;
      focusNext.current = focusKey;
      await store([...current, name]);
      setUndo(null);
      return `Added “${name}”.`;
    }).then((ok) => refused ?? ok);
  }

  // Sections stories have that the list does not: one click adds each.
  const listed = new Set(sections.map((name) => name.toLocaleLowerCase()));
  const unlisted = [...storyCounts.keys()]
    .filter((name) => SectionNameSchema.safeParse(name).data === name && !listed.has(name.toLocaleLowerCase()))
    .sort((a, b) => a.localeCompare(b));

  function move(name: string, by: -1 | 1) {
    const direction = by < 0 ? 'up' : 'down';
    void run(async (current) => {
      const from = current.indexOf(name);
      const to = from + by;
      if (from < 0 || to < 0 || to >= current.length) return;
      const next = [...current];
      next.splice(from, 1);
      next.splice(to, 0, name);
      const atEdge = to === 0 || to === current.length - 1;
      focusNext.current = `${atEdge ? (by < 0 ? 'down' : 'up') : direction}:${name}`;
      await store(next);
      return `Moved “${name}” ${direction}: ${to + 1} of ${next.length}.`;
    });
  }

  function remove(name: string) {
    const count = storyCounts.get(name) ?? 0;
    void run(async (current) => {
      const index = current.indexOf(name);
      if (index < 0) return;
      const next = current.filter((section) => section !== name);
      // The next row's Remove, or the new-section field once the list is empty.
      focusNext.current = next.length === 0 ? '' : `remove:${next[Math.min(index, next.length - 1)]}`;
      await store(next);
      setUndo({ name, index });
      return count > 0
        ? `Removed “${name}” from the list. Its ${stories(count)} keep the section.`
        : `Removed “${name}” from the list.`;
    });
  }

  function undoRemove() {
    if (!undo) return;
    const { name, index } = undo;
    void run(async (current) => {
      if (current.includes(name)) return;
      const next = [...current];
      next.splice(Math.min(index, next.length), 0, name);
      focusNext.current = `remove:${name}`;
      await store(next);
      setUndo(null);
      return `“${name}” is back in the list.`;
    });
  }

  function startRename(name: string) {
    setRenaming({ from: name, draft: name, error: null });
    setListError(null);
  }

  async function confirmRename() {
    if (!renaming) return;
    const { from } = renaming;
    const checked = checkName(
      renaming.draft,
      sections.filter((section) => section !== from),
    );
    if (!checked.ok) {
      setRenaming({ ...renaming, error: checked.message });
      return;
    }
    if (checked.name === from) {
      setRenaming(null);
      focusNext.current = `rename:${from}`;
      return;
    }
    const renamed = await run(async () => {
      focusNext.current = `rename:${checked.name}`;
      const { sections: stored, count } = await onRename(from, checked.name);
      latest.current = stored;
      setUndo(null);
      return count > 0 ? `Renamed “${from}” to “${checked.name}” in the list and in ${stories(count)}.` : `Renamed “${from}” to “${checked.name}”.`;
    });
    if (renamed) setRenaming(null);
  }

  function cancelRename() {
    if (renaming) focusNext.current = `rename:${renaming.from}`;
    setRenaming(null);
  }

  function renameKeys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void confirmRename();
    } else if (event.key === 'Escape') {
      // Escape leaves the rename, not the dialog.
      event.preventDefault();
      event.stopPropagation();
      cancelRename();
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog sections-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onCancel={(event) => {
        event.preventDefault();
        if (renaming) cancelRename();
        else onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Sections
      </h2>
      <p id={introId} className="dialog-intro">
        The Section field and the list’s filter suggest these, in this order. Changes apply at once; a story keeps its section
        when it leaves the list.
      </p>
      {listError && (
        <p className="field-hint field-hint-error sections-error" role="alert">
          {listError}
        </p>
      )}
      {sections.length === 0 ? (
        <p className="sections-empty">No sections yet. Add the ones your desk files stories under, like Politics or Sport.</p>
      ) : (
        <ol className="sections-list" aria-label="Sections, in order">
          {sections.map((name, index) =>
            renaming?.from === name ? (
              <RenameRow
                key={name}
                from={name}
                draft={renaming.draft}
                error={renaming.error}
                count={storyCounts.get(name) ?? 0}
                onDraft={(draft) => setRenaming({ from: name, draft, error: null })}
                onKeyDown={renameKeys}
                onConfirm={() => void confirmRename()}
                onCancel={cancelRename}
              />
            ) : (
              <li key={name} className="sections-row">
                <span className="sections-position" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="sections-name">{name}</span>
                <span className="sections-count">{stories(storyCounts.get(name) ?? 0)}</span>
                <span className="sections-actions">
                  <button
                    type="button"
                    className="button button-small button-quiet button-icon"
                    aria-label={`Move ${name} up`}
                    title="Move up"
                    data-focus-key={`up:${name}`}
                    disabled={index === 0}
                    onClick={() => move(name, -1)}
                  >
                    <ActionIcon name="up" />
                  </button>
                  <button
                    type="button"
                    className="button button-small button-quiet button-icon"
                    aria-label={`Move ${name} down`}
                    title="Move down"
                    data-focus-key={`down:${name}`}
                    disabled={index === sections.length - 1}
                    onClick={() => move(name, 1)}
                  >
                    <ActionIcon name="down" />
                  </button>
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    aria-label={`Rename ${name}`}
                    data-focus-key={`rename:${name}`}
                    onClick={() => startRename(name)}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger-quiet"
                    aria-label={`Remove ${name}`}
                    data-focus-key={`remove:${name}`}
                    onClick={() => remove(name)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            ),
          )}
        </ol>
      )}
      {unlisted.length > 0 && (
        <div className="sections-unlisted">
          <span className="sections-unlisted-label">In stories, not in the list:</span>
          {unlisted.map((name) => (
            <button
              key={name}
              type="button"
              className="button button-small sections-unlisted-add"
              aria-label={`Add ${name} to the list`}
              onClick={() => void append(name, `remove:${name}`).then((added) => typeof added === 'string' && setListError(added))}
            >
              <span aria-hidden="true">+</span> {name}
            </button>
          ))}
        </div>
      )}
      <form className="sections-add" onSubmit={(event) => void add(event)} noValidate>
        <label className="field-label" htmlFor={newNameId}>
          New section
        </label>
        <div className="sections-add-row">
          <input
            id={newNameId}
            ref={newNameRef}
            type="text"
            className="field-control"
            value={newName}
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. Tokyo Report"
            aria-invalid={addError ? true : undefined}
            aria-describedby={`${newNameId}-note`}
            onChange={(event) => {
              setNewName(event.target.value);
              setAddError(null);
            }}
          />
          <button type="submit" className="button">
            Add section
          </button>
        </div>
        <p id={`${newNameId}-note`} className={addError ? 'field-hint field-hint-error' : 'field-hint'} role={addError ? 'alert' : undefined}>
          {addError ?? 'Added at the end of the list; move it up where it belongs.'}
        </p>
      </form>
      <div className="dialog-actions sections-footer">
        <p className="sections-announcement" role="status">
          {announcement}
          {undo && (
            <button type="button" className="button button-small sections-undo" onClick={undoRemove}>
              Undo
            </button>
          )}
        </p>
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}

/** A section being renamed: its new name, Save and Cancel, and how many stories the rename changes. */
function RenameRow({
  from,
  draft,
  error,
  count,
  onDraft,
  onKeyDown,
  onConfirm,
  onCancel,
}: {
  from: string;
  draft: string;
  error: string | null;
  count: number;
  onDraft: (draft: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const hint = count > 0 ? `Renames it in ${stories(count)} too.` : 'No story has this section yet.';
  return (
    <li className="sections-row is-renaming">
      <div className="sections-rename">
        <label className="visually-hidden" htmlFor={id}>
          New name for {from}
        </label>
        <input
          id={id}
          ref={inputRef}
          type="text"
          className="field-control"
          value={draft}
          maxLength={200}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(event) => onDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button-small button-primary" onClick={onConfirm}>
          Save name
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p id={`${id}-note`} className={error ? 'field-hint field-hint-error' : 'field-hint'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </p>
    </li>
  );
}

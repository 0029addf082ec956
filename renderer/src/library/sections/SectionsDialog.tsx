import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SectionNameSchema } from '../../../../shared/librarySettings.js';
import { FieldHint } from '../../ui/FieldHint.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import { checkSectionName } from './checkSectionName.js';
import { NewSectionForm } from './NewSectionForm.js';
import { SectionRenameRow } from './SectionRenameRow.js';
import { SectionRow } from './SectionRow.js';
import { useSectionEdits } from './useSectionEdits.js';

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

/**
 * The library's sections as a modal dialog: add, rename (in every story too), move up or down, remove from the list.
 * Each change is stored at once; Escape or Done closes it.
 */
export function SectionsDialog({ sections, storyCounts, onSave, onRename, onClose }: SectionsDialogProps) {
  const newNameRef = useRef<HTMLInputElement>(null);
  const [renaming, setRenaming] = useState<{ from: string; draft: string; error: string | null } | null>(null);
  const modal = useModalDialog({ onCancel: () => (renaming ? cancelRename() : onClose()), initialFocus: newNameRef });
  const dialogRef = modal.ref;
  const titleId = useId();
  const introId = useId();
  const edits = useSectionEdits({ sections, storyCounts, onSave, onRename });
  const { focusNext } = edits;

  // Once the list has re-rendered, the control the last change chose (a moved row's buttons are moved in the DOM and lose focus).
  useEffect(() => {
    const key = focusNext.current;
    if (key === null) return;
    focusNext.current = null;
    const target = key ? dialogRef.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
    (target ?? newNameRef.current)?.focus();
  }, [sections, renaming, dialogRef, focusNext]);

  // Sections stories have that the list does not: one click adds each.
  const listed = new Set(sections.map((name) => name.toLocaleLowerCase()));
  const unlisted = [...storyCounts.keys()]
    .filter((name) => SectionNameSchema.safeParse(name).data === name && !listed.has(name.toLocaleLowerCase()))
    .sort((a, b) => a.localeCompare(b));

  function startRename(name: string) {
    setRenaming({ from: name, draft: name, error: null });
    edits.setListError(null);
  }

  async function confirmRename() {
    if (!renaming) return;
    const { from } = renaming;
    const checked = checkSectionName(
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
    if (await edits.rename(from, checked.name)) setRenaming(null);
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
    <dialog {...modal} className="dialog sections-dialog" aria-labelledby={titleId} aria-describedby={introId}>
      <h2 id={titleId} className="dialog-title">
        Sections
      </h2>
      <p id={introId} className="dialog-intro">
        The Section field and the list’s filter suggest these, in this order. Changes apply at once; a story keeps its section
        when it leaves the list.
      </p>
      <FieldHint error={edits.listError} className="sections-error" />
      {sections.length === 0 ? (
        <p className="sections-empty">No sections yet. Add the ones your desk files stories under, like Politics or Sport.</p>
      ) : (
        <ol className="sections-list" aria-label="Sections, in order">
          {sections.map((name, index) =>
            renaming?.from === name ? (
              <SectionRenameRow
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
              <SectionRow
                key={name}
                name={name}
                index={index}
                count={sections.length}
                storyCount={storyCounts.get(name) ?? 0}
                onMove={(by) => edits.move(name, by)}
                onRename={() => startRename(name)}
                onRemove={() => edits.remove(name)}
              />
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
              onClick={() => void edits.append(name, `remove:${name}`).then((added) => typeof added === 'string' && edits.setListError(added))}
            >
              <span aria-hidden="true">+</span> {name}
            </button>
          ))}
        </div>
      )}
      <NewSectionForm sections={sections} inputRef={newNameRef} onAdd={(name) => edits.append(name)} />
      <div className="dialog-actions sections-footer">
        <p className="sections-announcement" role="status">
          {edits.announcement}
          {edits.undo && (
            <button type="button" className="button button-small sections-undo" onClick={edits.undoRemove}>
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

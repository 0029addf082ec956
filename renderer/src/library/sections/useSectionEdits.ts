import { useEffect, useRef, useState } from 'react';
import { SECTIONS_MAX } from '../../../../shared/librarySettings.js';
import { errorMessage } from '../../api.js';
import { formatStoryCount } from '../../ui/formatStoryCount.js';
import { checkSectionName } from './checkSectionName.js';

interface SectionEditsOptions {
  sections: readonly string[];
  storyCounts: ReadonlyMap<string, number>;
  onSave: (sections: string[]) => Promise<string[]>;
  onRename: (from: string, to: string) => Promise<{ sections: string[]; count: number }>;
}

/**
 * The changes the Sections dialog makes to the list, each stored at once. Changes made quickly one after another
 * (a click while the last one is stored) all run, in order, each given the list as stored by the one before. A failure
 * is shown above the list (`listError`) and nothing else changes; what each change did is announced.
 * A change sets `focusNext` (the control to focus once the list shows it; '' for the new-section field) right before
 * it stores, so one that turns out to change nothing moves no focus.
 */
export function useSectionEdits({ sections, storyCounts, onSave, onRename }: SectionEditsOptions) {
  const [listError, setListError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [undo, setUndo] = useState<{ name: string; index: number } | null>(null);
  // Changes run one after another, each on the list as the one before it left it (the props follow a render later).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<readonly string[]>(sections);
  useEffect(() => {
    latest.current = sections;
  }, [sections]);
  const focusNext = useRef<string | null>(null);

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

  /** Adds a section at the end of the list; resolves to true, or why it was not added (false: shown above the list). */
  function append(name: string, focusKey: string | null = null): Promise<true | string | false> {
    let refused: string | null = null;
    return run(async (current) => {
      const checked = checkSectionName(name, current);
      if (!checked.ok) refused = checked.message;
      else if (current.length >= SECTIONS_MAX) refused = `A library has at most ${SECTIONS_MAX} sections; remove one first.`;
      if (refused !== null) return;
      focusNext.current = focusKey;
      await store([...current, name]);
      setUndo(null);
      return `Added “${name}”.`;
    }).then((ok) => refused ?? ok);
  }

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
        ? `Removed “${name}” from the list. Its ${formatStoryCount(count)} keep the section.`
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

  /** Renames a section in the list and in its stories; resolves to whether it was renamed. */
  function rename(from: string, to: string): Promise<boolean> {
    return run(async () => {
      focusNext.current = `rename:${to}`;
      const { sections: stored, count } = await onRename(from, to);
      latest.current = stored;
      setUndo(null);
      return count > 0 ? `Renamed “${from}” to “${to}” in the list and in ${formatStoryCount(count)}.` : `Renamed “${from}” to “${to}”.`;
    });
  }

  return { listError, setListError, announcement, undo, focusNext, append, move, remove, undoRemove, rename };
}

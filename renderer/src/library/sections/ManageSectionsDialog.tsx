import { useMemo } from 'react';
import { sectionsDialogClosed, useLibraryStore } from '../libraryStore.js';
import { renameSection, saveSections } from './sectionCommands.js';
import { SectionsDialog } from './SectionsDialog.js';

/** The library's Sections dialog, while it is open: the managed list, how many stories use each, rename. */
export function ManageSectionsDialog() {
  const open = useLibraryStore((state) => state.sectionsDialogOpen);
  const managed = useLibraryStore((state) => state.managedSections);
  const stories = useLibraryStore((state) => state.stories);
  const storyCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const story of stories) counts.set(story.section, (counts.get(story.section) ?? 0) + 1);
    return counts;
  }, [stories]);
  if (!open) return null;
  return <SectionsDialog sections={managed} storyCounts={storyCounts} onSave={saveSections} onRename={renameSection} onClose={sectionsDialogClosed} />;
}

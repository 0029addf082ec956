import { call } from '../../api.js';
import { useOpenStoryStore } from '../../editor/index.js';
import { sectionsSaved, storiesUpdated } from '../libraryStore.js';

/** Saves the library's list of sections, as the Sections dialog edited it; resolves with the list as stored. */
export async function saveSections(next: string[]): Promise<string[]> {
  const { sections } = await call('saveSections', { sections: next });
  sectionsSaved(sections);
  return sections;
}

/**
 * Renames a section in every story that has it. The open story is renamed through its editor, so its next save
 * builds on the renamed revision: no conflict.
 */
export async function renameSection(from: string, to: string): Promise<{ sections: string[]; count: number }> {
  const run = () => call('renameSection', { from, to });
  const session = useOpenStoryStore.getState().session;
  const result = session ? await session.renameSection(from, to, run) : await run();
  sectionsSaved(result.sections);
  storiesUpdated(result.updated.map((entry) => entry.summary));
  return { sections: result.sections, count: result.updated.length };
}

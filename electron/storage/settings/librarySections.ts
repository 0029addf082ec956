import { SectionListSchema } from '../../../shared/librarySettings.js';
import { CopydeskError } from '../../../shared/result.js';
import type { LibraryContext } from '../libraryContext.js';
import type { SectionRename } from '../libraryStore.js';
import { orderedStory } from '../stories/orderedStory.js';

const SECTIONS_KEY = '\u0000sections';

/** Replaces the library's list of sections; stories keep their section. */
export const saveSections = (ctx: LibraryContext, sections: string[]): Promise<string[]> =>
  ctx.writing(() => ctx.enqueue(SECTIONS_KEY, async () => {
    const { data } = ctx;
    const parsed = SectionListSchema.safeParse(sections);
    if (!parsed.success) throw new CopydeskError('invalid-input', parsed.error.issues[0]!.message);
    const previous = data.sections;
    return ctx.indexWriter.storeNow('The sections', () => (data.sections = parsed.data), () => (data.sections = previous), () => [...data.sections]);
  }));

/** Renames a section in the list and in every story that has it (each a save). */
export const renameSection = (ctx: LibraryContext, from: string, to: string): Promise<SectionRename> =>
  ctx.writing(() => ctx.enqueue(SECTIONS_KEY, async () => {
    const { data } = ctx;
    if (from === to) return { sections: [...data.sections], updated: [] };
    const listed = data.sections.some((name) => name === from);
    const users = [...ctx.known.entries.values()].filter((entry) => entry.summary.section === from).map((entry) => entry.summary.id);
    if (!listed && users.length === 0) throw new CopydeskError('not-found', `There is no section “${from}”.`);
    const renamed = data.sections.map((name) => (name === from ? to : name));
    const next = renamed.filter((name, i) => renamed.findIndex((other) => other.toLocaleLowerCase() === name.toLocaleLowerCase()) === i);
    if (!listed && !next.some((name) => name.toLocaleLowerCase() === to.toLocaleLowerCase())) next.push(to);
    const previous = data.sections;
    await ctx.indexWriter.storeNow('The sections', () => (data.sections = next), () => (data.sections = previous), () => undefined);
    const updated: SectionRename['updated'] = [];
    for (const id of users) {
      const result = await ctx.enqueue(id, async () => {
        const { story: stored } = await ctx.stored.readStored(id).catch(() => ({ story: null }));
        if (!stored || stored.section !== from) return null;
        const story = orderedStory({ ...stored, section: to, revision: stored.revision + 1, updatedAt: ctx.now().toISOString(), updatedBy: ctx.userName() });
        return { id, revision: story.revision, updatedAt: story.updatedAt, summary: await ctx.stored.writeStory(story) };
      });
      if (result) updated.push(result);
    }
    return { sections: [...data.sections], updated };
  }));

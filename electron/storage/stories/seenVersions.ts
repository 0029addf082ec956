import type { Story } from '../../../shared/story.js';
import type { FileStamp } from './storyFiles.js';

/** Stories whose whole last seen version stays in memory (the ones being edited), so a save need not read it back. */
const STORIES_IN_MEMORY = 8;

/**
 * The version of each story the editor last read or Copydesk last wrote, by the stamp of its file: a change over
 * any other version is a conflict. The few most recent are kept whole.
 */
export class SeenVersions {
  private readonly versions = new Map<string, { stamp: FileStamp; story?: Story }>();
  private readonly recent: string[] = [];

  constructor(stamps: Iterable<[string, FileStamp]>) {
    for (const [id, stamp] of stamps) this.versions.set(id, { stamp: { mtimeMs: stamp.mtimeMs, size: stamp.size } });
  }

  get(id: string): { stamp: FileStamp; story?: Story } | undefined {
    return this.versions.get(id);
  }

  remember(id: string, stamp: FileStamp, story: Story): void {
    this.versions.set(id, { stamp, story });
    const at = this.recent.indexOf(id);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(id);
    if (this.recent.length > STORIES_IN_MEMORY) {
      const dropped = this.versions.get(this.recent.shift()!);
      if (dropped) delete dropped.story;
    }
  }

  forget(id: string): void {
    this.versions.delete(id);
    const at = this.recent.indexOf(id);
    if (at >= 0) this.recent.splice(at, 1);
  }
}

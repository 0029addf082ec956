import { describe, expect, it } from 'vitest';
import type { SaveResult } from '../../../../shared/contract.js';
import { emptyStoryFields } from '../../../../shared/story.js';
import { StorySaver } from './StorySaver.js';

function summary(revision: number): SaveResult {
  const at = '2026-05-20T09:00:00.000Z';
  return { changed: true, revision, updatedAt: at, summary: { id: 's', headline: '', section: '', byline: '', wordCount: 0, createdAt: at, updatedAt: at } };
}

/** A store that checks baseRevision as the main process does. */
function store(start: number) {
  const calls: string[] = [];
  let revision = start;
  const bump = (kind: string, base: number) => {
    calls.push(`${kind}@${base}`);
    if (base !== revision) return Promise.reject(new Error('conflict'));
    revision += 1;
    return Promise.resolve(summary(revision));
  };
  return { calls, bump };
}

describe('a main-process change (status, note, restore) between autosaves', () => {
  it('saves pending edits first and becomes the base of the next save', async () => {
    const { calls, bump } = store(3);
    const saver = new StorySaver({
      storyId: 's',
      revision: 3,
      getFields: emptyStoryFields,
      save: ({ baseRevision }) => bump('save', baseRevision),
      onSaved: () => undefined,
      onState: () => undefined,
      debounceMs: 5,
    });
    saver.markDirty();
    const result = await saver.change((base) => bump('status', base));
    expect(result.revision).toBe(5);
    saver.markDirty();
    expect(await saver.flush()).toEqual({ ok: true });
    expect(calls).toEqual(['save@3', 'status@4', 'save@5']);
    saver.dispose();
  });

  it('holds back a save asked for while the change is running', async () => {
    const { calls, bump } = store(1);
    let release: () => void = () => undefined;
    const saver = new StorySaver({
      storyId: 's',
      revision: 1,
      getFields: emptyStoryFields,
      save: ({ baseRevision }) => bump('save', baseRevision),
      onSaved: () => undefined,
      onState: () => undefined,
      debounceMs: 1,
    });
    const change = saver.change(
      (base) =>
        new Promise<SaveResult>((resolve) => {
          release = () => resolve(bump('note', base));
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    saver.markDirty();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual([]);
    release();
    await change;
    expect(await saver.flush()).toEqual({ ok: true });
    expect(calls).toEqual(['note@1', 'save@2']);
    saver.dispose();
  });
});

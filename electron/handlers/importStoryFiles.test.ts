import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTERCHANGE_FORMAT, INTERCHANGE_FORMAT_VERSION, storyInterchangeJson } from '../../shared/export/storyInterchange.js';
import type { BodyNode } from '../../shared/story.js';
import { openLibrary, type LibraryStore } from '../storage/openLibrary.js';
import { storyWith } from '../storage/testing/storyText.js';
import { addCheckedStories, checkStoryFiles } from './importStoryFiles.js';

let dir: string;
let library: LibraryStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-import-'));
  library = await openLibrary(path.join(dir, 'lib'), { indexDelayMs: 0 });
});
afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

const linked = (text: string, href: string): BodyNode => ({ type: 'text', text, marks: [{ type: 'bold' }, { type: 'link', attrs: { href } }] });

/** A story.json as the json export writes it, with the given paragraph content. */
async function storyJson(content: BodyNode[]): Promise<string> {
  const story = await library.createStory();
  await library.saveStory(story.id, story.revision, { ...storyWith({ headline: 'Linked' }), body: { type: 'doc', content: [{ type: 'paragraph', content }] } });
  const stored = { ...(await library.readStory(story.id)), id: 'from-another-desk' };
  const file = path.join(dir, 'story.json');
  await writeFile(file, JSON.stringify({ format: INTERCHANGE_FORMAT, formatVersion: INTERCHANGE_FORMAT_VERSION, story: stored, imageFile: null }));
  return file;
}

describe('importing a story.json holds its links to the editor’s link rule', () => {
  it('a javascript: link is taken off its text, the text kept word for word, with a warning naming the file and the address', async () => {
    const file = await storyJson([
      { type: 'text', text: 'Read ' },
      linked('the statement', 'javascript:alert(document.cookie)'),
      { type: 'text', text: ' and ' },
      linked('the minister', 'https://example.com/minister'),
      linked('the data', ' JaVa\tScript:void(0)'),
    ]);
    const checked = await checkStoryFiles([file], library.mediaFile);
    expect(checked[0]!.warnings).toEqual([
      `${file}: the link on “the statement” to "javascript:alert(document.cookie)" was removed, its text kept (Links must start with https://, http:// or mailto:)`,
      expect.stringMatching(/^.*the link on “the data” to " JaVa\\tScript:void\(0\)" was removed, its text kept/),
    ]);
    const [imported] = await addCheckedStories(library, checked);
    expect(imported).toMatchObject({ id: 'from-another-desk', outcome: 'added', warnings: checked[0]!.warnings });

    const stored = await library.readStory('from-another-desk');
    const paragraph = stored.body.content![0]!.content!;
    expect(paragraph.map((node) => node.text).join('')).toBe('Read the statement and the ministerthe data');
    expect(paragraph[1]!.marks).toEqual([{ type: 'bold' }]);
    expect(paragraph[3]!.marks).toEqual([{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.com/minister' } }]);
    const onDisk = await readFile(path.join(dir, 'lib', 'stories', 'from-another-desk.json'), 'utf8');
    expect(onDisk).not.toMatch(/script:/i);
  });

  it('a story whose links the editor would accept comes in unchanged, with no warning', async () => {
    const file = await storyJson([linked('write to us', 'mailto:desk@example.com'), linked('the report', 'https://example.com/report')]);
    const checked = await checkStoryFiles([file], library.mediaFile);
    expect(checked[0]!.warnings).toEqual([]);
    const before = JSON.parse(await readFile(file, 'utf8')).story.body;
    expect(checked[0]!.story.body).toEqual(before);
  });
});

describe('importing a story.json keeps the story’s language and Dateline', () => {
  it('a story exported with a chosen language and a Dateline comes back into another library with both', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, story.revision, { ...storyWith({ headline: '東京で会議', dateline: '【東京】' }), language: 'ja-JP' });
    const stored = await library.readStory(story.id);
    const file = path.join(dir, 'story.json');
    await writeFile(file, storyInterchangeJson(stored, null));
    const other = await openLibrary(path.join(dir, 'other'), { indexDelayMs: 0 });
    try {
      const [result] = await addCheckedStories(other, await checkStoryFiles([file], other.mediaFile));
      const imported = await other.readStory(result!.id);
      expect(imported).toMatchObject({ language: 'ja-JP', dateline: '【東京】', headline: '東京で会議' });
    } finally {
      await other.close();
    }
  });

  it('a story.json written before stories had a language comes in with the library’s default language', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, story.revision, storyWith({ headline: '東京で会議' }));
    const { language: _language, dateline: _dateline, ...format1 } = { ...(await library.readStory(story.id)), id: 'old-desk', schemaVersion: 1 };
    const file = path.join(dir, 'story.json');
    await writeFile(file, JSON.stringify({ format: INTERCHANGE_FORMAT, formatVersion: INTERCHANGE_FORMAT_VERSION, story: format1, imageFile: null }));
    const [checked] = await checkStoryFiles([file], library.mediaFile);
    expect(checked!.story).toMatchObject({ schemaVersion: 2, language: 'library', dateline: '' });
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkHtmlFiles } from '../../e2e/harness/checkHtmlFiles.js';
import { makePng } from '../../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import type { StoryFields } from '../../shared/story.js';
import { createHandlers, type LibraryHandlers } from './createHandlers.js';

let dir: string;
let handlers: LibraryHandlers;
let imagePath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-vnu-'));
  imagePath = path.join(dir, 'flags.png');
  await writeFile(imagePath, makePng(120, 80));
  await mkdir(path.join(dir, 'out'));
  handlers = await createHandlers({
    libraryDir: path.join(dir, 'library'),
    ports: { chooseImageFile: async () => imagePath, chooseExportFolder: async () => path.join(dir, 'out'), closeConfirmed: () => undefined },
  });
});
afterAll(async () => {
  await handlers.close();
  await rm(dir, { recursive: true, force: true });
});

it('exports pass the W3C HTML checker with no errors, whatever the fields hold', async () => {
  const image = await handlers.chooseLeadImage(undefined);
  const variants: Partial<StoryFields>[] = [
    {},
    { image: null },
    { headline: '', dek: '', byline: '', section: '', body: { type: 'doc', content: [{ type: 'paragraph' }] } },
    { headline: '<img src=x onerror=alert(1)>', dek: '"quoted" & <b>bold</b>\nsecond line', imageCaption: 'Line one\nline two', imageCredit: '</figcaption><script>x</script>' },
    { headline: '日本と北朝鮮の交渉再開へ', byline: '山田 太郎', section: '東京レポート' },
    { headline: 'Control\u0001 characters\u0008 and a lone \uD800 surrogate' },
  ];
  const files: string[] = [];
  for (const [i, overrides] of variants.entries()) {
    const story = await handlers.createStory(undefined);
    await handlers.saveStory({ id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(image), headline: `Variant ${i}`, ...overrides } });
    const result = await handlers.exportStoryHtml({ id: story.id });
    files.push(path.join(result!.folder, 'index.html'));
  }
  expect(await checkHtmlFiles(files)).toEqual([]);
});

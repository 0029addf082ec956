import { PREFLIGHT_CHECK_IDS, type PreflightCheckId } from '../../shared/preflight/preflightCatalog.js';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkHtmlFiles } from '../../e2e/harness/checkHtmlFiles.js';
import { makePng } from '../../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import type { ExportSettings } from '../../shared/exportSettings.js';
import { EXPORT_CORPUS } from '../../shared/export/testing/exportCorpus.js';
import { createHandlers, type LibraryHandlers } from './createHandlers.js';
import { readExportStylesheet } from './readExportStylesheet.js';

let dir: string;
let handlers: LibraryHandlers;
let exportFolder: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-vnu-'));
  await writeFile(path.join(dir, 'flags.png'), makePng(120, 80));
  handlers = await createHandlers({
    libraryDir: path.join(dir, 'library'),
    exportStylesheet: readExportStylesheet(path.join(import.meta.dirname, '..', '..', 'assets', 'export.css')),
    ports: { chooseImageFile: async () => path.join(dir, 'flags.png'), chooseExportFolder: async () => exportFolder, chooseLibraryFolder: async () => null, closeConfirmed: () => undefined },
  });
});
afterAll(async () => {
  await handlers.close();
  await rm(dir, { recursive: true, force: true });
});

const VARIANTS: [string, Partial<ExportSettings>][] = [
  ['copy-styled', { publicationName: 'The Diplomat', baseUrl: 'https://news.example.com/stories/', timeZone: 'Asia/Tokyo', stylesheet: true, imageMode: 'copy' }],
  ['copy-plain', { publicationName: '', baseUrl: '', timeZone: 'UTC', stylesheet: false, imageMode: 'copy' }],
  ['embed-plain', { stylesheet: false, imageMode: 'embed', language: 'ar' }],
  ['embed-styled', { stylesheet: true, imageMode: 'embed', language: 'ja', timeZone: 'America/St_Johns' }],
];

const wrapFragment = (fragment: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>CMS fragment</title>\n</head>\n<body>\n${fragment}</body>\n</html>\n`;

it('documents, previews and fragments of a varied corpus, in every image mode with the stylesheet on and off, pass the W3C HTML checker', async () => {
  const image = await handlers.chooseLeadImage(undefined);
  const ids: string[] = [];
  for (const { fields, image: withImage } of EXPORT_CORPUS) {
    const story = await handlers.createStory(undefined);
    await handlers.saveStory({ id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(withImage ? image : null), ...fields } });
    ids.push(story.id);
  }

  // The corpus holds stories preflight would stop (an untitled one): their HTML must be valid all the same.
  await handlers.saveLibrarySettings({ preflight: Object.fromEntries(PREFLIGHT_CHECK_IDS.map((id) => [id, 'off'])) as Record<PreflightCheckId, 'off'> });
  const files: string[] = [];
  for (const [name, settings] of VARIANTS) {
    await handlers.saveExportSettings(settings);
    for (const format of ['document', 'fragment'] as const) {
      exportFolder = path.join(dir, `${name}-${format}`);
      await mkdir(exportFolder);
      const summary = await handlers.exportStories({ ids, format });
      expect(summary!.failed).toEqual([]);
      for (const { folder } of summary!.exported) {
        if (format === 'document') files.push(path.join(folder, 'index.html'));
        else {
          const wrapped = path.join(folder, 'fragment-in-a-page.html');
          await writeFile(wrapped, wrapFragment(await readFile(path.join(folder, 'fragment.html'), 'utf8')));
          files.push(wrapped);
        }
      }
    }
    const previews = path.join(dir, `${name}-previews`);
    await mkdir(previews);
    for (const [i, id] of ids.entries()) {
      const file = path.join(previews, `${EXPORT_CORPUS[i]!.name}.html`);
      await writeFile(file, (await handlers.renderStoryPreview({ id })).html);
      files.push(file);
    }
  }

  expect(files).toHaveLength(EXPORT_CORPUS.length * VARIANTS.length * 3);
  expect(await checkHtmlFiles(files)).toEqual([]);
}, 120_000);

import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../e2e/fixtures/sampleStory.js';
import { exportStoryBatch, THREADS_FROM } from '../electron/handlers/exportStoryBatch.js';
import { nodeStoryExporter } from '../electron/handlers/nodeStoryExporter.js';
import { readExportStylesheet } from '../electron/handlers/readExportStylesheet.js';
import { openLibrary } from '../electron/storage/openLibrary.js';
import { buildCli } from '../scripts/build-cli.mjs';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', `cli-test-${process.pid}`, 'copydesk.mjs');

let dir: string;
let library: string;
let ids: { withImage: string; plain: string };

async function copydesk(args: string[], env: NodeJS.ProcessEnv = {}) {
  const baseEnv = { PATH: process.env.PATH, HOME: path.join(dir, 'home'), ...env };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: baseEnv, cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file under a folder with its size, to show that a failed command wrote nothing. */
async function snapshot(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(
    entries.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return `${path.relative(folder, file)}${entry.isFile() ? `:${(await readFile(file)).length}` : '/'}`;
    }),
  ).then((names) => names.sort());
}

beforeAll(async () => {
  await buildCli(CLI);
}, 60_000);
afterAll(async () => {
  await rm(path.dirname(CLI), { recursive: true, force: true });
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-cli-'));
  library = path.join(dir, 'library');
  await writeFile(path.join(dir, 'flags.png'), makePng(60, 40));
  const store = await openLibrary(library, { indexDelayMs: 0, now: (() => { let t = Date.parse('2026-05-20T09:00:00Z'); return () => new Date((t += 60_000)); })() });
  const image = await store.importImage(path.join(dir, 'flags.png'));
  const first = await store.createStory();
  await store.saveStory(first.id, 1, { ...sampleStoryFields(image), tags: ['Japan'], slug: 'talks-resume' });
  const second = await store.createStory();
  await store.saveStory(second.id, 1, { ...sampleStoryFields(), headline: 'Abe meets coalition partner' });
  await store.saveExportSettings({ publicationName: 'The Diplomat', baseUrl: 'https://news.example/' });
  await store.close();
  ids = { withImage: first.id, plain: second.id };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('copydesk --help', () => {
  it.each(['list', 'export', 'import'])('explains %s and exits 0', async (command) => {
    const result = await copydesk([command, '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: copydesk ${command}`));
    expect(result.stdout).toContain('--library <dir>');
  });

  it('lists the commands, and exits 2 when none is given', async () => {
    expect((await copydesk(['--help'])).stdout).toMatch(/list[\s\S]*export[\s\S]*import/);
    expect(await copydesk([])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Usage: copydesk <command>/) });
  });
});

describe('copydesk list', () => {
  it('prints one tab-separated line per story, most recently edited first', async () => {
    const result = await copydesk(['list', '--library', library]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trimEnd().split('\n').map((line) => line.split('\t'))).toEqual([
      [ids.plain, expect.stringMatching(/^2026-05-20T09:0\d:00.000Z$/), '109', 'Tokyo Report', 'Abe meets coalition partner'],
      [ids.withImage, expect.stringMatching(/^2026-05-20T09:0\d:00.000Z$/), '109', 'Tokyo Report', 'Japan-North Korea Negotiations to Resume'],
    ]);
  });

  it('prints JSON with --json', async () => {
    const result = await copydesk(['list', '--json', '--library', library]);
    expect(JSON.parse(result.stdout).map((story: { id: string }) => story.id)).toEqual([ids.plain, ids.withImage]);
  });

  it('finds the library through COPYDESK_LIBRARY, else where the app keeps it', async () => {
    expect((await copydesk(['list'], { COPYDESK_LIBRARY: library })).stdout).toContain(ids.plain);
    const appLibrary = path.join(dir, 'home', '.config', 'Copydesk', 'Library');
    await mkdir(path.dirname(appLibrary), { recursive: true });
    await rm(appLibrary, { recursive: true, force: true });
    await cp(library, appLibrary, { recursive: true });
    expect((await copydesk(['list'])).stdout).toContain(ids.plain);
  });

  it('lists a library from before settings.json without changing it, and an import converts it keeping every setting', async () => {
    const old = path.join(dir, 'format1');
    await cp(path.join(ROOT, 'electron', 'storage', 'migrations', 'fixtures', 'format1-library'), old, { recursive: true });
    const before = await snapshot(old);
    const listed = await copydesk(['list', '--library', old]);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toContain('Talks resume in Geneva');
    expect(await snapshot(old)).toEqual(before);

    const exported = path.join(dir, 'exported');
    expect(await copydesk(['export', ids.plain, '--format', 'json', '--out', exported, '--library', library])).toMatchObject({ code: 0 });
    expect(await copydesk(['import', path.join(exported, 'abe-meets-coalition-partner', 'story.json'), '--library', old])).toMatchObject({ code: 0 });
    expect(JSON.parse(await readFile(path.join(old, 'settings.json'), 'utf8'))).toMatchObject({ settings: { publicationName: 'The Harbour Gazette' }, sections: ['Politics', 'Tokyo Report'] });
    expect(JSON.parse(await readFile(path.join(old, 'library.json'), 'utf8')).schemaVersion).toBe(2);
    expect((await copydesk(['list', '--library', old])).stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('fails with exit 1 and creates nothing when there is no library', async () => {
    const missing = path.join(dir, 'no-library');
    const result = await copydesk(['list', '--library', missing]);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `copydesk: There is no Copydesk library at ${missing} (choose one with --library or COPYDESK_LIBRARY).\n` });
    expect(await snapshot(missing)).toEqual([]);
  });
});

describe('copydesk export', () => {
  it('exports every story as a document into its own folder, with the manifest', async () => {
    const out = path.join(dir, 'out');
    const result = await copydesk(['export', '--all', '--out', out, '--library', library]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trimEnd().split('\n').sort()).toEqual(
      [`${ids.withImage}\t${path.join(out, 'talks-resume')}`, `${ids.plain}\t${path.join(out, 'abe-meets-coalition-partner')}`].sort(),
    );
    expect(await snapshot(out)).toEqual([
      'abe-meets-coalition-partner/',
      expect.stringMatching(/^abe-meets-coalition-partner\/index.html:\d+$/),
      expect.stringMatching(/^abe-meets-coalition-partner\/story.json:\d+$/),
      expect.stringMatching(/^index.json:\d+$/),
      'talks-resume/',
      expect.stringMatching(/^talks-resume\/index.html:\d+$/),
      expect.stringMatching(/^talks-resume\/story.json:\d+$/),
      `talks-resume/talks-resume.png:${makePng(60, 40).length}`,
    ]);
    const html = await readFile(path.join(out, 'talks-resume', 'index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://news.example/talks-resume/">');
    expect(html).toContain('<style>');
  });

  it('exports the CMS fragment or the JSON of the stories named', async () => {
    const out = path.join(dir, 'out');
    expect((await copydesk(['export', ids.withImage, '--format', 'fragment', '--out', out, '--library', library])).code).toBe(0);
    const fragment = await readFile(path.join(out, 'talks-resume', 'fragment.html'), 'utf8');
    expect(fragment).toMatch(/^<article class="cd-story" lang="en">/);
    expect((await copydesk(['export', ids.plain, ids.withImage, '--format=json', '--out', out, '--library', library])).code).toBe(0);
    expect((await readdir(path.join(out, 'talks-resume'))).sort()).toEqual(['story.json', 'talks-resume.png']);
    expect(JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8')).stories.map((s: { format: string }) => s.format)).toEqual(['json', 'json']);
  });

  it.each([
    [['export', '--all', '--library', 'L'], /--out <dir> is required/],
    [['export', '--out', 'o', '--library', 'L'], /give the ids of the stories to export, or --all/],
    [['export', 'abc', '--all', '--out', 'o', '--library', 'L'], /not both/],
    [['export', '--all', '--out', 'o', '--format', 'pdf', '--library', 'L'], /--format must be one of document, fragment, json, not "pdf"/],
    [['export', '--all', '--out', 'o', '--colour', '--library', 'L'], /Unknown option '--colour'/],
    [['publish', '--all'], /unknown command "publish"/],
    [['import', '--library', 'L'], /give the story.json files to import/],
  ])('refuses the command line %j with exit 2 and one line saying why', async (args, message) => {
    const result = await copydesk(args.map((arg) => (arg === 'L' ? library : arg)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await snapshot(path.join(dir, 'o'))).toEqual([]);
  });

  it('names an unknown id, exits 1 and writes nothing, not even for the ids it knows', async () => {
    const out = path.join(dir, 'out');
    const result = await copydesk(['export', ids.plain, 'no-such-story', '--out', out, '--library', library]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'copydesk: There is no story with id “no-such-story” in the library.\n' });
    expect(await snapshot(out)).toEqual([]);
  });

  it('refuses a story whose lead image has no alt text before writing anything', async () => {
    const store = await openLibrary(library, { indexDelayMs: 0 });
    const story = await store.readStory(ids.withImage);
    await store.saveStory(story.id, story.revision, { ...story, imageAlt: '' });
    await store.close();
    const out = path.join(dir, 'out');
    const result = await copydesk(['export', '--all', '--out', out, '--library', library]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^copydesk: Story ${ids.withImage} \\(Japan-North Korea Negotiations to Resume\\) cannot be exported: Preflight stops the export: The lead image has no alt text`));
    expect(await snapshot(out)).toEqual([]);
  });

  it('refuses a folder it cannot write into, naming it', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const intoFile = await copydesk(['export', '--all', '--out', blocker, '--library', library]);
    expect(intoFile).toMatchObject({ code: 1, stderr: `copydesk: The export folder “${blocker}” is a file, not a folder.\n` });
    const underFile = await copydesk(['export', '--all', '--out', path.join(blocker, 'out'), '--library', library]);
    expect(underFile).toMatchObject({ code: 1, stderr: expect.stringMatching(/^copydesk: The export folder “.*a-file\/out” could not be created: /) });
    expect(await readFile(blocker, 'utf8')).toBe('not a folder');
  });

  it.runIf(process.platform === 'linux')('refuses a folder that cannot be made under /proc instead of hanging', async () => {
    const result = await copydesk(['export', '--all', '--out', '/proc/copydesk-cannot-be-here/out', '--library', library]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/^copydesk: The export folder “\/proc\/copydesk-cannot-be-here\/out” could not be created: /) });
  });

  it('says the stylesheet is missing instead of exporting documents without it', async () => {
    const stylesheet = path.join(path.dirname(CLI), 'export.css');
    const moved = `${stylesheet}.moved`;
    await rename(stylesheet, moved);
    try {
      const out = path.join(dir, 'out');
      const result = await copydesk(['export', '--all', '--out', out, '--library', library]);
      expect(result).toMatchObject({ code: 1, stderr: `copydesk: The export stylesheet is missing (${stylesheet}); reinstall Copydesk.\n` });
      expect(await snapshot(out)).toEqual([]);
      expect((await copydesk(['export', '--all', '--format', 'json', '--out', out, '--library', library])).code).toBe(0);
    } finally {
      await rename(moved, stylesheet);
    }
  });

  it('exports a batch big enough for the render threads bundled beside it, writing what the main thread would', async () => {
    expect(await readdir(path.dirname(CLI))).toContain('exportWorker.mjs');
    const store = await openLibrary(library, { indexDelayMs: 0 });
    for (let i = 0; i < THREADS_FROM; i += 1) {
      const story = await store.createStory();
      await store.saveStory(story.id, 1, { ...sampleStoryFields(), headline: i % 4 ? `Dispatch ${i}` : 'Same headline' });
    }
    await store.close();
    const out = path.join(dir, 'out');
    const result = await copydesk(['export', '--all', '--out', out, '--library', library]);
    expect(result).toMatchObject({ code: 0, stderr: '' });

    const reader = await openLibrary(library, { readOnly: true });
    const here = path.join(dir, 'here');
    await mkdir(here);
    const context = { exporter: nodeStoryExporter(readExportStylesheet(path.join(ROOT, 'assets', 'export.css'))), settings: reader.exportSettings(), mediaFile: reader.mediaFile };
    const summary = await exportStoryBatch(reader, { ids: reader.listSummaries().map((entry) => entry.id), format: 'document', parent: here }, context, { threads: null });
    await reader.close();
    expect(result.stdout.trimEnd().split('\n')).toEqual(summary.exported.map((entry) => `${entry.id}\t${path.join(out, path.relative(here, entry.folder))}`));
    const files = async (folder: string) => {
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      const found: Record<string, string> = {};
      for (const entry of entries.filter((file) => file.isFile())) {
        const file = path.join(entry.parentPath, entry.name);
        found[path.relative(folder, file)] = (await readFile(file)).toString('base64');
      }
      return found;
    };
    expect(await files(out)).toEqual(await files(here));
  });

  it('refuses a folder holding an index.json it did not write', async () => {
    const out = path.join(dir, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'index.json'), '[1, 2, 3]');
    const result = await copydesk(['export', '--all', '--out', out, '--library', library]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/already has an index.json that Copydesk did not write/) });
    expect(await snapshot(out)).toEqual(['index.json:9']);
  });
});

describe('copydesk import', () => {
  async function exportJson() {
    const out = path.join(dir, 'exported');
    expect((await copydesk(['export', '--all', '--format', 'json', '--out', out, '--library', library])).code).toBe(0);
    return { out, files: [path.join(out, 'talks-resume', 'story.json'), path.join(out, 'abe-meets-coalition-partner', 'story.json')] };
  }

  it('brings exported stories into another library with every field and the lead image, creating it', async () => {
    const { files } = await exportJson();
    const other = path.join(dir, 'other-library');
    const result = await copydesk(['import', ...files, '--library', other]);
    expect(result).toEqual({ code: 0, stderr: '', stdout: `${files[0]}\t${ids.withImage}\tadded\n${files[1]}\t${ids.plain}\tadded\n` });
    const source = await openLibrary(library, { indexDelayMs: 0 });
    const target = await openLibrary(other, { indexDelayMs: 0 });
    for (const id of [ids.withImage, ids.plain]) expect(await target.readStory(id)).toEqual(await source.readStory(id));
    const image = (await source.readStory(ids.withImage)).image!;
    expect(await target.readMedia(image.id)).toEqual(makePng(60, 40));
    await Promise.all([source.close(), target.close()]);
  });

  it('never overwrites a story: the same one again is left alone, a changed one comes in as a copy', async () => {
    const { files } = await exportJson();
    expect((await copydesk(['import', files[1]!, '--library', library])).stdout).toBe(`${files[1]}\t${ids.plain}\tunchanged\n`);
    const changed = JSON.parse(await readFile(files[1]!, 'utf8'));
    changed.story.headline = 'Edited on another desk';
    await writeFile(files[1]!, JSON.stringify(changed));
    const result = await copydesk(['import', files[1]!, '--library', library]);
    const [, newId, outcome] = result.stdout.trimEnd().split('\t');
    expect([result.code, outcome]).toEqual([0, 'copied']);
    expect(newId).not.toBe(ids.plain);
    const store = await openLibrary(library, { indexDelayMs: 0 });
    expect((await store.readStory(ids.plain)).headline).toBe('Abe meets coalition partner');
    expect((await store.readStory(newId!)).headline).toBe('Edited on another desk');
    await store.close();
  });

  it.each([
    ['not JSON', '{ "format": ', /: not valid JSON \(/],
    ['not a story export', '{"stories": []}', /: not a Copydesk story export \(a story.json file\)$/],
    ['from a newer Copydesk', '{"format": "copydesk-story", "formatVersion": 7, "story": {}}', /: it was written by a newer Copydesk \(format version 7\); update Copydesk to import it$/],
    ['a story that breaks the schema', 'BROKEN', /: headline: /],
  ])('refuses a file that is %s, naming it and the reason, and imports none of the others', async (_label, content, message) => {
    const { files } = await exportJson();
    const bad = path.join(dir, 'bad story.json');
    const broken = JSON.parse(await readFile(files[1]!, 'utf8'));
    broken.story.headline = 42;
    await writeFile(bad, content === 'BROKEN' ? JSON.stringify(broken) : content);
    const other = path.join(dir, 'other-library');
    const before = await snapshot(library);
    for (const target of [library, other]) {
      const result = await copydesk(['import', files[0]!, bad, '--library', target]);
      expect(result.code).toBe(1);
      expect(result.stderr.startsWith(`copydesk: ${bad}: `)).toBe(true);
      expect(result.stderr.trimEnd()).toMatch(message);
    }
    expect(await snapshot(library)).toEqual(before);
    expect(await snapshot(other)).toEqual([]);
  });

  it('refuses a story.json that is not valid UTF-8, naming the file and the offset of the first bad byte, and imports nothing', async () => {
    const { files } = await exportJson();
    const text = await readFile(files[1]!, 'utf8');
    const at = text.indexOf('"headline": "') + '"headline": "'.length;
    const before = Buffer.from(text.slice(0, at), 'utf8');
    const bad = path.join(dir, 'latin1 story.json');
    await writeFile(bad, Buffer.concat([before, Buffer.from('Caf\xe9 ', 'latin1'), Buffer.from(text.slice(at), 'utf8')]));
    const other = path.join(dir, 'other-library');
    const result = await copydesk(['import', files[0]!, bad, '--library', other]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `copydesk: ${bad}: not valid UTF-8: the first bad byte is at offset ${before.length + 3}\n` });
    expect(await snapshot(other)).toEqual([]);
  });

  it('refuses a library the app has open, writing nothing, while list and export still read it', async () => {
    const { files } = await exportJson();
    const app = await openLibrary(library, { indexDelayMs: 0 });
    try {
      const before = await snapshot(library);
      const result = await copydesk(['import', files[1]!, '--library', library]);
      expect(result).toEqual({ code: 1, stdout: '', stderr: `copydesk: This library is open in another Copydesk window (pid ${process.pid}).\n` });
      expect(await snapshot(library)).toEqual(before);
      expect((await copydesk(['list', '--library', library])).stdout).toContain(ids.plain);
      expect((await copydesk(['export', ids.plain, '--out', path.join(dir, 'while-open'), '--library', library])).code).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('refuses a story whose lead image is not beside it, or is another picture', async () => {
    const { out, files } = await exportJson();
    const other = path.join(dir, 'other-library');
    await writeFile(path.join(out, 'talks-resume', 'talks-resume.png'), makePng(10, 10));
    expect((await copydesk(['import', files[0]!, '--library', other])).stderr).toBe(`copydesk: ${files[0]}: its lead image talks-resume.png is not the picture the story was exported with\n`);
    await rm(path.join(out, 'talks-resume', 'talks-resume.png'));
    expect((await copydesk(['import', files[0]!, '--library', other])).stderr).toBe(`copydesk: ${files[0]}: its lead image talks-resume.png: no such file\n`);
    expect((await copydesk(['import', path.join(dir, 'missing.json'), '--library', other])).stderr).toBe(`copydesk: ${path.join(dir, 'missing.json')}: no such file\n`);
    expect(await snapshot(other)).toEqual([]);
  });
});

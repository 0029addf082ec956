import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../e2e/fixtures/sampleStory.js';
import { openLibrary } from '../electron/storage/openLibrary.js';
import { DEFAULT_PREFLIGHT_LEVELS } from '../shared/preflight/preflightCatalog.js';
import { buildCli } from '../scripts/build-cli.mjs';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', `cli-check-test-${process.pid}`, 'copydesk.mjs');

let dir: string;
let library: string;
let ids: { clean: string; noAlt: string; warned: string };

async function copydesk(args: string[]) {
  const env = { PATH: process.env.PATH, HOME: path.join(dir, 'home') };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  await buildCli(CLI);
}, 60_000);
afterAll(async () => {
  await rm(path.dirname(CLI), { recursive: true, force: true });
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-check-'));
  library = path.join(dir, 'library');
  await writeFile(path.join(dir, 'flags.png'), makePng(60, 40));
  const store = await openLibrary(library, { indexDelayMs: 0 });
  const image = await store.importImage(path.join(dir, 'flags.png'));
  const clean = await store.createStory();
  await store.saveStory(clean.id, 1, { ...sampleStoryFields(image), headline: 'Talks resume', imageCaption: 'Flags in Tokyo.' });
  const noAlt = await store.createStory();
  await store.saveStory(noAlt.id, 1, { ...sampleStoryFields(image), headline: 'Flags raised', imageAlt: '', imageCaption: 'Flags.' });
  const warned = await store.createStory();
  await store.saveStory(warned.id, 1, { ...sampleStoryFields(), headline: 'Abe meets the the coalition', byline: '' });
  await store.close();
  ids = { clean: clean.id, noAlt: noAlt.id, warned: warned.id };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('copydesk check', () => {
  it('prints "clean" for a story with no problem and exits 0', async () => {
    expect(await copydesk(['check', ids.clean, '--library', library])).toEqual({ code: 0, stdout: `${ids.clean}\tclean\n`, stderr: '' });
  });

  it('prints warnings, one tab-separated line each with where they are, and still exits 0', async () => {
    const result = await copydesk(['check', ids.warned, '--library', library]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${ids.warned}\twarning\tbyline-missing\tbyline\tThe story has no byline.`,
      `${ids.warned}\twarning\trepeated-words\theadline\tIn the headline: “the” appears twice in a row.`,
    ]);
  });

  it('exits 1 when a blocking check fails, naming the problem, and checks every story with --all', async () => {
    const result = await copydesk(['check', '--all', '--library', library]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${ids.noAlt}\terror\timage-alt-missing\timageAlt\tThe lead image has no alt text.`);
    expect(result.stdout).toContain(`${ids.clean}\tclean`);
    expect(result.stderr).toBe('copydesk: 1 story has problems that block Ready and export.\n');
  });

  it('prints every result as JSON with --json', async () => {
    const result = await copydesk(['check', ids.noAlt, ids.clean, '--json', '--library', library]);
    expect(result.code).toBe(1);
    const checked = JSON.parse(result.stdout);
    expect(checked.map((story: { id: string; blocking: boolean }) => [story.id, story.blocking])).toEqual([[ids.noAlt, true], [ids.clean, false]]);
    expect(checked[0].results).toContainEqual({ id: 'image-alt-missing', status: 'error', reason: 'The lead image has no alt text.', location: { field: 'imageAlt' } });
    expect(checked[1].results.every((result: { status: string }) => result.status === 'pass')).toBe(true);
  });

  it('follows the library’s levels: a check set to warn does not block', async () => {
    const store = await openLibrary(library, { indexDelayMs: 0 });
    await store.saveLibrarySettings({ preflight: { ...DEFAULT_PREFLIGHT_LEVELS, 'image-alt-missing': 'warning' } });
    await store.close();
    const result = await copydesk(['check', ids.noAlt, '--library', library]);
    expect(result).toMatchObject({ code: 0, stdout: `${ids.noAlt}\twarning\timage-alt-missing\timageAlt\tThe lead image has no alt text.\n` });
  });

  it('exits 2 on a wrong command line, and 1 on an unknown id', async () => {
    expect(await copydesk(['check', '--library', library])).toMatchObject({ code: 2, stderr: 'copydesk check: give the ids of the stories to check, or --all (see copydesk check --help)\n' });
    expect(await copydesk(['check', '--all', ids.clean, '--library', library])).toMatchObject({ code: 2 });
    expect(await copydesk(['check', '--fast', '--all', '--library', library])).toMatchObject({ code: 2 });
    expect(await copydesk(['check', 'nope', '--library', library])).toMatchObject({ code: 1, stdout: '', stderr: 'copydesk: There is no story with id “nope” in the library.\n' });
  });

  it('is explained by --help', async () => {
    const result = await copydesk(['check', '--help']);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: copydesk check <id…> \| --all \[--json\]/) });
    expect((await copydesk(['--help'])).stdout).toContain('check <id…> | --all');
    expect(await readFile(path.join(ROOT, 'README.md'), 'utf8')).toContain('copydesk check');
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findViolations as findIn } from './importRules.mjs';

let root = '';
afterEach(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

async function repoWith(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(path.join(os.tmpdir(), 'copydesk-imports-'));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

const line = (...parts: string[]) => parts.join('\n') + '\n';
// Spelled in pieces: the checker scans this file too and must not flag its fixtures.
const UP = '..' + '/';
const IPC_MAIN = 'ipc' + 'Main';
const DIRNAME = '__dir' + 'name';

describe('import rules', () => {
  it('a clean tree passes', async () => {
    const dir = await repoWith({
      'shared/channels.ts': line("export const A = 1;"),
      'renderer/src/App.tsx': line(`import { A } from '${UP}${UP}shared/channels.js';`, 'export default A;'),
      'electron/main.ts': line("import { app } from 'electron';", "import path from 'node:path';"),
      'electron/ipc/registerIpc.ts': line(`import { ${IPC_MAIN} } from 'electron';`),
      'electron/handlers/createHandlers.ts': line("import { readFile } from 'node:fs/promises';"),
      'node_modules/x/index.ts': line("import 'electron';"),
    });
    expect(await findIn(dir)).toEqual([]);
  });

  it('renderer/ may not reach Electron, Node or the main process', async () => {
    const dir = await repoWith({
      'renderer/src/a.ts': line(
        "import { ipcRenderer } from 'electron';",
        "import fs from 'node:fs';",
        "import path from 'path';",
        `import { x } from '${UP}${UP}electron/handlers/createHandlers.js';`,
        "const later = import('fs/promises');",
      ),
    });
    const found = await findIn(dir);
    expect(found.map((v) => v.line)).toEqual([1, 2, 3, 4, 5]);
    expect(found.every((v) => v.file === 'renderer/src/a.ts')).toBe(true);
  });

  it('cli/ is plain Node: no Electron, and of electron/ only the handlers, storage and invokeChannel', async () => {
    const dir = await repoWith({
      'cli/a.ts': line(
        "import { app } from 'electron';",
        `import { createHandlers } from '${UP}electron/handlers/createHandlers.js';`,
        `import { openLibrary } from '${UP}electron/storage/openLibrary.js';`,
        `import { invokeChannel } from '${UP}electron/ipc/invokeChannel.js';`,
        `import { registerIpc } from '${UP}electron/ipc/registerIpc.js';`,
        `import { createDesktopPorts } from '${UP}electron/dialogs.js';`,
      ),
    });
    expect((await findIn(dir)).map((v) => v.line)).toEqual([1, 5, 6]);
  });

  it('shared/ may not import either side or Node', async () => {
    const dir = await repoWith({
      'shared/a.ts': line("import type { BrowserWindow } from 'electron';", "import { x } from '../renderer/src/x.js';"),
      'shared/b.ts': line("export { y } from '../electron/y.js';", "import crypto from 'node:crypto';"),
    });
    expect((await findIn(dir)).map((v) => `${v.file}:${v.line}`)).toEqual(['shared/a.ts:1', 'shared/a.ts:2', 'shared/b.ts:1', 'shared/b.ts:2']);
  });

  it('handlers and storage may not import electron', async () => {
    const dir = await repoWith({
      'electron/handlers/h.ts': line("import { dialog } from 'electron';"),
      'electron/storage/s.ts': line('const { app } = require("electron");'),
    });
    expect((await findIn(dir)).map((v) => v.file)).toEqual(['electron/handlers/h.ts', 'electron/storage/s.ts']);
  });

  it('only electron/ipc may use the main-process IPC object', async () => {
    const dir = await repoWith({
      'electron/main.ts': line('import {', '  app,', `  ${IPC_MAIN},`, "} from 'electron';"),
    });
    expect(await findIn(dir)).toEqual([
      { file: 'electron/main.ts', line: 3, message: expect.stringContaining(IPC_MAIN) },
    ]);
  });

  it('nothing may read the handbook beside the repository', async () => {
    const handbook = ['', 'work', 'shared', 'DESIGN.md'].join('/');
    const dir = await repoWith({
      'scripts/a.mjs': line(`const design = '${handbook}';`),
      'e2e/b.ts': line(`const seed = '${UP}${UP}shared/reference/seed-article.txt';`),
      'cli/c.ts': line(`const style = path.join(${DIRNAME}, '..', '..', 'shared', 'STYLE.md');`),
      'shared/d.test.ts': line("import fs from 'node:fs';", "fs.readFileSync(new URL('../fixtures/seed.txt', import.meta.url));"),
    });
    expect((await findIn(dir)).map((v) => v.file)).toEqual(['cli/c.ts', 'e2e/b.ts', 'scripts/a.mjs']);
  });

  it('imports mentioned in comments do not count', async () => {
    const dir = await repoWith({
      'renderer/src/a.ts': line("// import fs from 'node:fs';", "/* require('electron') */", 'export {};'),
    });
    expect(await findIn(dir)).toEqual([]);
  });
});

describe('renderer feature boundaries', () => {
  const SRC = 'renderer/src/';
  const feature = (...files: string[]) => Object.fromEntries(files.map((file) => [SRC + file, line('export {};')]));
  // Every feature folder and layer exists, with one internal file each.
  const tree = feature('api.ts', 'ui/TextField.tsx', 'app/App.tsx', 'editor/StoryEditor.tsx', 'review/HistoryDialog.tsx', 'review/panel/index.ts');

  it('a feature may use its own files at any depth, ui/, api.ts and shared/', async () => {
    const dir = await repoWith({
      ...tree,
      'shared/story.ts': line('export const A = 1;'),
      [`${SRC}editor/StoryEditor.tsx`]: line(
        "import { BodyEditor } from './body/BodyEditor.js';",
        `import { TextField } from '${UP}ui/TextField.js';`,
        `import { call } from '${UP}api.js';`,
        `import type { Story } from '${UP}${UP}${UP}shared/story.js';`,
        "import './StoryEditor.css';",
      ),
      [`${SRC}editor/body/BodyEditor.tsx`]: line(`import { StoryEditor } from '${UP}StoryEditor.js';`, `import { x } from '${UP}${UP}editor/autosave/x.js';`),
      [`${SRC}editor/body/BodyEditor.test.ts`]: line("import { BodyEditor } from './BodyEditor.js';"),
      [`${SRC}editor/index.ts`]: line("export { StoryEditor } from './StoryEditor.js';", "export type { SaveState } from './autosave/StorySaver.js';"),
    });
    expect(await findIn(dir)).toEqual([]);
  });

  it('another feature may be imported through its index.ts, from any depth', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}editor/StoryEditor.tsx`]: line(`import { HistoryDialog } from '${UP}review/index.js';`, `import type { Note } from '${UP}review/index';`),
      [`${SRC}editor/body/BodyEditor.tsx`]: line(`import { NotesPanel } from '${UP}${UP}review/index.js';`),
    });
    expect(await findIn(dir)).toEqual([]);
  });

  it('a folder import of another feature means its index.ts and passes', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}editor/StoryEditor.tsx`]: line(`import { HistoryDialog } from '${UP}review';`, `export { NotesPanel } from '${UP}review/';`),
    });
    expect(await findIn(dir)).toEqual([]);
  });

  it("a feature reaching into another feature's files is told to use its index.ts or ui/", async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}editor/StoryEditor.tsx`]: line(
        "import { useState } from 'react';",
        `import { HistoryDialog } from '${UP}review/HistoryDialog.js';`,
        `import { StatusPanel } from '${UP}review/panel/index.js';`,
      ),
    });
    expect(await findIn(dir)).toEqual([
      {
        file: `${SRC}editor/StoryEditor.tsx`,
        line: 2,
        message: `${SRC}editor/StoryEditor.tsx imports review's internals ("${UP}review/HistoryDialog.js"): import from review/index.ts, or move the shared piece to ui/`,
      },
      { file: `${SRC}editor/StoryEditor.tsx`, line: 3, message: expect.stringContaining("review's internals") },
    ]);
  });

  it('type-only imports and re-exports are held to the same boundary', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}editor/StoryEditor.tsx`]: line(`import type { HistoryProps } from '${UP}review/HistoryDialog.js';`),
      [`${SRC}editor/index.ts`]: line(`export type { HistoryProps } from '${UP}review/HistoryDialog.js';`),
    });
    expect((await findIn(dir)).map((v) => v.file)).toEqual([`${SRC}editor/index.ts`, `${SRC}editor/StoryEditor.tsx`]);
  });

  it("a feature's CSS import and a feature's test follow the same rule", async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}editor/StoryEditor.tsx`]: line("import './StoryEditor.css';", `import '${UP}review/history.css';`),
      [`${SRC}editor/StoryEditor.test.ts`]: line("import { StoryEditor } from './StoryEditor.js';", `import { HistoryDialog } from '${UP}review/HistoryDialog.js';`),
    });
    expect((await findIn(dir)).map((v) => `${v.file}:${v.line}`)).toEqual([`${SRC}editor/StoryEditor.test.ts:2`, `${SRC}editor/StoryEditor.tsx:2`]);
  });

  it('ui/ may not import a feature, not even its index.ts', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}ui/TextField.tsx`]: line(
        "import { LineIcon } from './LineIcon.js';",
        `import { call } from '${UP}api.js';`,
        `import { HistoryDialog } from '${UP}review/index.js';`,
        `import { StoryEditor } from '${UP}editor/StoryEditor.js';`,
      ),
    });
    expect(await findIn(dir)).toEqual([
      { file: `${SRC}ui/TextField.tsx`, line: 3, message: expect.stringContaining('imports the review feature') },
      { file: `${SRC}ui/TextField.tsx`, line: 4, message: expect.stringContaining('ui/ may import only ui/, api.ts and shared/') },
    ]);
  });

  it('ui/ may not import app/', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}ui/TextField.tsx`]: line(`import { App } from '${UP}app/App.js';`),
    });
    expect(await findIn(dir)).toEqual([
      { file: `${SRC}ui/TextField.tsx`, line: 1, message: `${SRC}ui/TextField.tsx imports app/ ("${UP}app/App.js"): ui/ may import only ui/, api.ts and shared/` },
    ]);
  });

  it('a feature may not import app/', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}editor/body/BodyEditor.tsx`]: line(`import type { AppProps } from '${UP}${UP}app/App.js';`),
    });
    expect(await findIn(dir)).toEqual([
      { file: `${SRC}editor/body/BodyEditor.tsx`, line: 1, message: expect.stringContaining('imports app/') },
    ]);
  });

  it('app/ reaches a feature through its index.ts, never its internals', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}app/App.tsx`]: line(
        "import { Shell } from './Shell.js';",
        `import { StoryEditor } from '${UP}editor/index.js';`,
        `import { HistoryDialog } from '${UP}review';`,
        `import { TextField } from '${UP}ui/TextField.js';`,
        `import { SaveStatus } from '${UP}editor/autosave/SaveStatus.js';`,
      ),
    });
    expect(await findIn(dir)).toEqual([
      {
        file: `${SRC}app/App.tsx`,
        line: 5,
        message: `${SRC}app/App.tsx imports editor's internals ("${UP}editor/autosave/SaveStatus.js"): import from editor/index.ts`,
      },
    ]);
  });

  it('main.tsx may import anything under renderer/src', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}main.tsx`]: line(
        "import { App } from './app/App.js';",
        "import { StoryEditor } from './editor/StoryEditor.js';",
        "import { HistoryDialog } from './review/HistoryDialog.js';",
        "import './styles.css';",
      ),
    });
    expect(await findIn(dir)).toEqual([]);
  });

  it('a new top-level folder of renderer/src is a feature without being listed anywhere', async () => {
    const dir = await repoWith({
      ...tree,
      [`${SRC}wires/WireFeed.tsx`]: line(`import { HistoryDialog } from '${UP}review/HistoryDialog.js';`, `import { App } from '${UP}app/App.js';`),
      [`${SRC}editor/StoryEditor.tsx`]: line(`import { WireFeed } from '${UP}wires/WireFeed.js';`, `import { wires } from '${UP}wires/index.js';`),
    });
    expect((await findIn(dir)).map((v) => `${v.file}:${v.line} ${v.message.split(' (')[0]}`)).toEqual([
      `${SRC}editor/StoryEditor.tsx:1 ${SRC}editor/StoryEditor.tsx imports wires's internals`,
      `${SRC}wires/WireFeed.tsx:1 ${SRC}wires/WireFeed.tsx imports review's internals`,
      `${SRC}wires/WireFeed.tsx:2 ${SRC}wires/WireFeed.tsx imports app/`,
    ]);
  });
});

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

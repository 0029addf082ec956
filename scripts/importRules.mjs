// Which folder may import what (see STYLE.md, "Where code may run is visible and enforced").
// Pattern literals that would match this file itself are assembled from pieces.
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|mjs|cjs|js)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', 'release', '.git', 'test-results', 'playwright-report']);
const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const HANDBOOK_PATH = ['', 'work', 'shared'].join('/');

const STATIC_IMPORT = /^[ \t]*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const CALL_IMPORT = /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const STRING_LITERAL = /(['"`])((?:\.\.[\\/])+[^'"`]*)\1/g;
const JOIN_FROM_HERE = /(__dirname|import\.meta\.dirname|process\.cwd\(\))((?:\s*,\s*['"][^'"]*['"])+)/g;

/** Removes block comments and whole-line // comments, keeping line numbers. */
function stripComments(code) {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/^[ \t]*\/\/.*$/gm, '');
}

function lineOf(code, index) {
  return code.slice(0, index).split('\n').length;
}

function importsOf(code) {
  const found = [];
  for (const match of code.matchAll(STATIC_IMPORT)) found.push({ specifier: match[1] ?? match[2], index: match.index });
  for (const match of code.matchAll(CALL_IMPORT)) found.push({ specifier: match[1], index: match.index });
  return found;
}

const isElectron = (specifier) => specifier === 'electron' || specifier.startsWith('electron/');
const isBuiltin = (specifier) => specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]);
const isTest = (file) => /\.test\.tsx?$/.test(file);

function inside(rootDir, absolute, folder) {
  const relative = path.relative(path.join(rootDir, folder), absolute);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function escapesRepo(rootDir, absolute) {
  const relative = path.relative(rootDir, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative);
}

const RENDERER_SRC = 'renderer/src';
const SCRIPT_EXTENSION = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Where a path inside renderer/src sits. `relative` is lexical (a `.js` specifier names a .ts or .tsx
 * file), so a feature's index counts whether or not it exists yet: tsc reports missing files.
 */
function rendererPlace(relative, folders) {
  const [top, ...rest] = relative.split('/');
  if (rest.length > 0 || folders.has(top)) {
    if (top === 'ui' || top === 'app') return { kind: top };
    const isIndex = rest.length === 0 || (rest.length === 1 && rest[0].replace(SCRIPT_EXTENSION, '') === 'index');
    return { kind: 'feature', name: top, isIndex };
  }
  const name = top.replace(SCRIPT_EXTENSION, '');
  if (name === 'main') return { kind: 'entry' };
  if (name === 'api') return { kind: 'client' };
  return { kind: 'loose', name: top };
}

const LAYER_RULE = {
  ui: 'ui/ may import only ui/, api.ts and shared/',
  client: 'api.ts may import only ui/ and shared/',
  app: "app/ may import only app/, ui/, api.ts, shared/ and each feature's index.ts",
};

/** Why an import between two places inside renderer/src crosses a feature boundary, or null. */
function boundaryViolation(file, specifier, from, to) {
  if (from.kind === 'entry' || from.kind === 'loose') return null;
  if (to.kind === 'ui' || to.kind === 'client') return null;
  if (to.kind === from.kind && (to.kind !== 'feature' || to.name === from.name)) return null;
  if (to.kind === 'feature' && to.isIndex && (from.kind === 'app' || from.kind === 'feature')) return null;
  if (to.kind === 'feature' && from.kind === 'feature') {
    return `${file} imports ${to.name}'s internals ("${specifier}"): import from ${to.name}/index.ts, or move the shared piece to ui/`;
  }
  if (to.kind === 'feature' && from.kind === 'app') {
    return `${file} imports ${to.name}'s internals ("${specifier}"): import from ${to.name}/index.ts`;
  }
  const what = { app: 'app/', feature: `the ${to.name} feature`, entry: 'main.tsx', loose: to.name }[to.kind];
  const rule = LAYER_RULE[from.kind] ?? `${from.name}/ may import only its own files, ui/, api.ts, shared/ and other features' index.ts`;
  return `${file} imports ${what} ("${specifier}"): ${rule}`;
}

/** The rules for one file; `file` is relative to rootDir with forward slashes. */
function checkFile(rootDir, file, source, rendererFolders) {
  const code = stripComments(source);
  const absolute = path.join(rootDir, file);
  const violations = [];
  const report = (index, message) => violations.push({ file, line: lineOf(code, index), message });
  const imports = importsOf(code);

  for (const { specifier, index } of imports) {
    const target = specifier.startsWith('.') ? path.resolve(path.dirname(absolute), specifier) : null;

    if (file.startsWith('renderer/')) {
      if (isElectron(specifier)) report(index, `renderer/ must not import "${specifier}": talk to main through window.copydesk`);
      if (isBuiltin(specifier) && !isTest(file)) report(index, `renderer/ must not import the Node builtin "${specifier}"`);
      if (target && inside(rootDir, target, 'electron')) report(index, `renderer/ must not import from electron/ ("${specifier}")`);
      if (target && file.startsWith(`${RENDERER_SRC}/`) && inside(rootDir, target, RENDERER_SRC)) {
        const from = rendererPlace(file.slice(RENDERER_SRC.length + 1), rendererFolders);
        const to = rendererPlace(path.relative(path.join(rootDir, RENDERER_SRC), target).split(path.sep).join('/'), rendererFolders);
        const message = boundaryViolation(file, specifier, from, to);
        if (message) report(index, message);
      }
    }
    if (file.startsWith('shared/')) {
      if (isElectron(specifier)) report(index, `shared/ must not import "${specifier}"`);
      if (isBuiltin(specifier) && !isTest(file)) report(index, `shared/ must not import the Node builtin "${specifier}"`);
      if (target && (inside(rootDir, target, 'electron') || inside(rootDir, target, 'renderer'))) {
        report(index, `shared/ must not import from electron/ or renderer/ ("${specifier}")`);
      }
    }
    if (file.startsWith('cli/')) {
      if (isElectron(specifier)) report(index, `cli/ must not import "${specifier}": the copydesk command is plain Node`);
      const allowed = ['electron/handlers', 'electron/storage', 'electron/ipc/invokeChannel.ts'];
      if (target && inside(rootDir, target, 'electron') && !allowed.some((folder) => inside(rootDir, target.replace(/\.js$/, '.ts'), folder))) {
        report(index, `cli/ may use only electron/handlers, electron/storage and invokeChannel ("${specifier}")`);
      }
    }
    if ((file.startsWith('electron/handlers/') || file.startsWith('electron/storage/')) && isElectron(specifier)) {
      report(index, `electron/handlers and electron/storage must not import "${specifier}": inject what they need`);
    }
    if (target && escapesRepo(rootDir, target)) report(index, `"${specifier}" reaches outside the repository`);
  }

  const importsElectron = imports.some(({ specifier }) => isElectron(specifier));
  const ipcMainUse = /\bipcMain\b/.exec(code);
  if (importsElectron && ipcMainUse && !file.startsWith('electron/ipc/')) {
    report(ipcMainUse.index, 'only electron/ipc/ may use ipcMain: add a channel to the contract instead');
  }

  const handbook = code.indexOf(HANDBOOK_PATH);
  if (handbook !== -1) report(handbook, `reads the handbook folder ${HANDBOOK_PATH}: copy what a test needs into the repo`);
  for (const match of code.matchAll(STRING_LITERAL)) {
    if (escapesRepo(rootDir, path.resolve(path.dirname(absolute), match[2]))) {
      report(match.index, `the path "${match[2]}" reaches outside the repository`);
    }
  }
  for (const match of code.matchAll(JOIN_FROM_HERE)) {
    const base = match[1] === 'process.cwd()' ? rootDir : path.dirname(absolute);
    const parts = [...match[2].matchAll(/['"]([^'"]*)['"]/g)].map((part) => part[1]);
    if (escapesRepo(rootDir, path.resolve(base, ...parts))) {
      report(match.index, `the path ${match[0].replace(/\s+/g, ' ')} reaches outside the repository`);
    }
  }
  return violations;
}

async function* sourceFiles(rootDir, relativeDir = '') {
  for (const entry of await readdir(path.join(rootDir, relativeDir), { withFileTypes: true })) {
    const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(rootDir, relative);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) yield relative;
  }
}

/** The names of the folders directly in `dir`: in renderer/src, ui/, app/ and one per feature. */
async function foldersIn(dir) {
  try {
    return new Set((await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  } catch (error) {
    if (error.code === 'ENOENT') return new Set();
    throw error;
  }
}

/**
 * Every import-rule violation under rootDir, as { file, line, message }, sorted by file and line.
 * @param {string} rootDir
 * @returns {Promise<{ file: string, line: number, message: string }[]>}
 */
export async function findViolations(rootDir) {
  const root = path.resolve(rootDir);
  const rendererFolders = await foldersIn(path.join(root, RENDERER_SRC));
  const violations = [];
  for await (const file of sourceFiles(root)) {
    violations.push(...checkFile(root, file, await readFile(path.join(root, file), 'utf8'), rendererFolders));
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

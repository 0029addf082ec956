// Runs @doyensec/electronegativity on the Electron code (plus the renderer's index.html, where
// the CSP meta tag lives) and fails on any HIGH or MEDIUM finding. Electronegativity itself
// exits 0 whatever it finds, so this reads its CSV report.
// Accepted findings are silenced in place with `// eng-disable CHECK_ID` and a reason.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

function electronegativityBin() {
  try {
    const manifestPath = require.resolve('@doyensec/electronegativity/package.json');
    const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
    return path.join(path.dirname(manifestPath), typeof bin === 'string' ? bin : bin.electronegativity);
  } catch {
    return null;
  }
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += char;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

const bin = electronegativityBin();
if (bin === null) {
  console.error('check-electron-security: @doyensec/electronegativity is not installed (npm install --save-dev @doyensec/electronegativity).');
  process.exit(1);
}

const { version: electronVersion } = JSON.parse(await readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8'));
const workDir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-electronegativity-'));
try {
  const scanDir = path.join(workDir, 'scan');
  await cp(path.join(root, 'electron'), path.join(scanDir, 'electron'), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  });
  await cp(path.join(root, 'renderer/index.html'), path.join(scanDir, 'renderer/index.html'));
  const report = path.join(workDir, 'report.csv');

  const run = spawnSync(
    process.execPath,
    ['--require', path.join(root, 'scripts/useTypescript5.cjs'), bin, '--input', scanDir, '--output', report, '--relative', '--electron-version', electronVersion, '--verbose', 'false'],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    console.error(`check-electron-security: electronegativity exited with ${run.status}`);
    process.exit(1);
  }

  const [header, ...rows] = parseCsv(await readFile(report, 'utf8'));
  const column = (name) => header.findIndex((cell) => cell.trim() === name);
  const [issue, severity, confidence, file, location] = ['issue', 'severity', 'confidence', 'filename', 'location'].map(column);
  const findings = rows.map((cells) => ({
    issue: cells[issue],
    severity: cells[severity]?.trim().toUpperCase(),
    confidence: cells[confidence],
    where: `${cells[file]}:${cells[location]}`,
  }));
  const failing = findings.filter((finding) => FAILING_SEVERITIES.has(finding.severity));

  for (const finding of findings) {
    const mark = FAILING_SEVERITIES.has(finding.severity) ? 'FAIL' : 'note';
    console.log(`  ${mark}  ${finding.severity}/${finding.confidence}  ${finding.issue}  ${finding.where}`);
  }
  if (failing.length > 0) {
    console.error(`check-electron-security: ${failing.length} HIGH/MEDIUM finding(s) from electronegativity (Electron ${electronVersion})`);
    process.exit(1);
  }
  console.log(`check-electron-security: no HIGH/MEDIUM findings (${findings.length} lower-severity note(s))`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}

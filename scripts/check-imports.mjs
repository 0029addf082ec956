import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findViolations } from './importRules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const violations = await findViolations(root);
if (violations.length > 0) {
  console.error(`check-imports: ${violations.length} import rule violation(s):`);
  for (const { file, line, message } of violations) console.error(`  ${file}:${line}  ${message}`);
  process.exit(1);
}
console.log('check-imports: no import rule violations');

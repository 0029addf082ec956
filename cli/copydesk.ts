import path from 'node:path';
import { runCli } from './runCli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  output: { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
  env: process.env,
  // scripts/build-cli.mjs copies assets/export.css beside the bundle.
  stylesheetFile: path.join(import.meta.dirname, 'export.css'),
});

// Run in a fresh process (bundled by exportGoldens.ts): prints every golden export as one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { createStoryExporter } from '../../shared/export/createStoryExporter.js';
import { renderGoldenExports } from '../../shared/export/testing/goldenCorpus.js';

const stylesheet = readFileSync(process.argv[2]!, 'utf8');
process.stdout.write(JSON.stringify(renderGoldenExports(createStoryExporter({ stylesheet }))));

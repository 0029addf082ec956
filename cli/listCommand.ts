import { parseArgs } from 'node:util';
import type { CliOutput } from './cliOutput.js';
import { openCliLibrary } from './openCliLibrary.js';

const tsv = (value: string | number) => String(value).replace(/[\t\r\n]+/g, ' ');

export async function listCommand(args: string[], libraryDir: string, output: CliOutput): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
  const handlers = await openCliLibrary({ libraryDir, readOnly: true });
  try {
    const stories = await handlers.listStories(undefined);
    if (values.json) output.out(JSON.stringify(stories, null, 2));
    else for (const s of stories) output.out([s.id, s.updatedAt, s.wordCount, s.section, s.headline].map(tsv).join('\t'));
    for (const problem of handlers.library.problems()) output.err(`copydesk: warning: ${problem.message}`);
    return 0;
  } finally {
    await handlers.close();
  }
}

import { parseArgs } from 'node:util';
import { addCheckedStories, checkStoryFiles } from '../electron/handlers/importStoryFiles.js';
import { libraryPaths } from '../electron/storage/files/libraryPaths.js';
import type { CliOutput } from './cliOutput.js';
import { openCliLibrary } from './openCliLibrary.js';
import { UsageError } from './usageError.js';

export async function importCommand(args: string[], libraryDir: string, output: CliOutput): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (!positionals.length) throw new UsageError('import', 'give the story.json files to import');
  // Every file is checked before the library is even opened: a bad file writes nothing, not even a new library.
  const checked = await checkStoryFiles(positionals, libraryPaths(libraryDir).mediaFile);
  const handlers = await openCliLibrary({ libraryDir, create: true });
  try {
    const imported = await addCheckedStories(handlers.library, checked);
    for (const { file, id, outcome, warnings } of imported) {
      output.out(`${file}\t${id}\t${outcome}`);
      for (const warning of warnings) output.err(`copydesk: warning: ${warning}`);
    }
    return 0;
  } finally {
    await handlers.close();
  }
}

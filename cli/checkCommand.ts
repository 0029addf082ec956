import { parseArgs } from 'node:util';
import { blockingResults, runPreflight, type PreflightLocation, type PreflightResult } from '../shared/preflight/index.js';
import { CopydeskError } from '../shared/result.js';
import { StoryIdSchema } from '../shared/story.js';
import type { CliOutput } from './cliOutput.js';
import { openCliLibrary } from './openCliLibrary.js';
import { UsageError } from './usageError.js';

const tsv = (value: string) => value.replace(/[\t\r\n]+/g, ' ');

/** Where a result points, for a script: a field's name, or body:<block>:<from>-<to>. */
const where = (location: PreflightLocation | undefined) =>
  !location ? '-' : 'field' in location ? location.field : `body:${location.block}:${location.from}-${location.to}`;

interface StoryCheck {
  id: string;
  headline: string;
  blocking: boolean;
  results: PreflightResult[];
}

/**
 * `copydesk check <id…> | --all [--json]`: the app's preflight, with the library's levels. Prints each problem as
 * `<id> <error|warning> <check> <where> <reason>` (tab-separated), or `<id> clean`; exits 1 when a blocking check fails.
 */
export async function checkCommand(args: string[], libraryDir: string, output: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { all: { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (values.all && positionals.length) throw new UsageError('check', 'give story ids or --all, not both');
  if (!values.all && !positionals.length) throw new UsageError('check', 'give the ids of the stories to check, or --all');
  const handlers = await openCliLibrary({ libraryDir, readOnly: true });
  try {
    const ids = values.all ? handlers.library.listSummaries().map((summary) => summary.id) : [...new Set(positionals)];
    for (const id of ids) {
      if (!StoryIdSchema.safeParse(id).success || !handlers.library.hasStory(id)) throw new CopydeskError('not-found', `There is no story with id “${id}” in the library.`);
    }
    const settings = handlers.library.librarySettings();
    const checked: StoryCheck[] = [];
    for (const id of ids) {
      const story = await handlers.library.readStory(id);
      const results = runPreflight(story, settings);
      checked.push({ id, headline: story.headline, blocking: blockingResults(results).length > 0, results });
    }
    if (values.json) output.out(JSON.stringify(checked, null, 2));
    else {
      for (const { id, results } of checked) {
        const problems = results.filter((result) => result.status !== 'pass');
        if (problems.length === 0) output.out(`${id}\tclean`);
        for (const result of problems) output.out([id, result.status, result.id, where(result.location), tsv(result.reason)].join('\t'));
      }
    }
    for (const problem of handlers.library.problems()) output.err(`copydesk: warning: ${problem.message}`);
    const blocked = checked.filter((story) => story.blocking).length;
    if (blocked > 0) output.err(`copydesk: ${blocked === 1 ? '1 story has' : `${blocked} stories have`} problems that block Ready and export.`);
    return blocked > 0 ? 1 : 0;
  } finally {
    await handlers.close();
  }
}

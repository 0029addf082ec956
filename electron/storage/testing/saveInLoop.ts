// A child process for the kill -9 test: opens the library at argv[2] and saves its stories in a loop (a new editing
// session every few saves, so revisions are kept too), printing `saved <id> <revision>` once each save resolves.
// With `reopen` as argv[3] it only opens the library and closes it, as the next Copydesk after a crash would.
import { storyWith } from './storyText.js';
import { openLibrary } from '../openLibrary.js';

const library = await openLibrary(process.argv[2]!, { indexDelayMs: 0, userName: () => 'kill test' });
if (process.argv[3] === 'reopen') {
  await library.close();
  process.exit(0);
}
const revisions = new Map<string, number>();
for (const { id } of library.listSummaries()) revisions.set(id, (await library.readStory(id)).revision);
process.stdout.write('ready\n');
for (let round = 0; ; round += 1) {
  for (const [id, revision] of revisions) {
    const paragraphs = Array.from({ length: 5 + (round % 40) }, (_, i) => `Round ${round}, paragraph ${i}: “curly” text.`);
    const saved = await library.saveStory(id, revision, storyWith({ headline: `Round ${round}`, paragraphs }), { session: `session-${Math.floor(round / 3)}` });
    revisions.set(id, saved.revision);
    process.stdout.write(`saved ${id} ${saved.revision}\n`);
  }
}

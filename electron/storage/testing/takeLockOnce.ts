// A child process for the two-openers test: takes the lock file at argv[2] when it reads `go` on stdin (all children
// are told at once), prints `won` or `refused <code>`, holds what it won until it reads `exit`, then releases and exits.
import { createInterface } from 'node:readline';
import { acquireLibraryLock, type LibraryLock } from '../files/libraryLock.js';
import { CopydeskError } from '../../../shared/result.js';

let lock: LibraryLock | null = null;
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line === 'go') {
    try {
      lock = await acquireLibraryLock(process.argv[2]!, { holder: 'cli' });
      process.stdout.write('won\n');
    } catch (error) {
      process.stdout.write(`refused ${error instanceof CopydeskError ? error.code : String(error)}\n`);
    }
  }
  if (line === 'exit') break;
}
await lock?.release();
process.exit(0);
